package io.fleetcast.forecast.auto;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutomaticForecasterTest {
    @Test
    void candidatesFollowTheSeasonality() {
        assertThat(AutomaticForecaster.candidates(Series.of(new double[10])))
                .extracting(Forecaster::name)
                .containsExactly(
                        "ETS", "Theta", "ETS(AAdN)", "ARIMA", "Comb(ETS, Theta, Damped)", "Median(ETS, Theta, ARIMA)");
        assertThat(AutomaticForecaster.candidates(Series.of(new double[10], 24, 168)))
                .extracting(Forecaster::name)
                .containsExactly("MSTL", "Log", "sNaive", "Theta", "Comb(sNaive, Log MSTL)");
        assertThat(AutomaticForecaster.candidates(Series.of(new double[10], 12)))
                .extracting(Forecaster::name)
                .endsWith("ETS", "ARIMA", "Median(ETS, Theta, ARIMA)");
    }

    /** Simulated hourly demand with daily and weekly cycles: the forecast follows both cycles closely. */
    @Test
    void hourlyDemandWithTwoCyclesIsForecastWithinAFewPercent() {
        Random random = new Random(3);
        int n = 24 * 7 * 8;
        int horizon = 48;
        double[] all = new double[n + horizon];
        for (int t = 0; t < all.length; t++) {
            double daily = 30 * Math.sin(2 * Math.PI * t / 24);
            double weekly = (t / 24) % 7 >= 5 ? -40 : 0;
            all[t] = 500 + 0.05 * t + daily + weekly + 5 * random.nextGaussian();
        }
        double[] history = java.util.Arrays.copyOf(all, n);

        Forecast forecast = new AutomaticForecaster().forecast(Series.of(history, 24, 168), horizon);

        double error = 0;
        for (int step = 0; step < horizon; step++) {
            error += Math.abs(forecast.mean(step) - all[n + step]) / all[n + step] / horizon;
        }
        assertThat(error).isLessThan(0.02);
        assertThat(forecast.provenance().model()).startsWith("Auto[");
        assertThat(forecast.provenance().parameters()).containsKey("backtestMase");
    }
}
