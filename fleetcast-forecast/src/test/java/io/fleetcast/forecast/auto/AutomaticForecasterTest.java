package io.fleetcast.forecast.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.regression.DriverPaths;
import io.fleetcast.forecast.regression.Regressor;
import java.util.Arrays;
import java.util.List;
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
        double[] history = Arrays.copyOf(all, n);

        Forecast forecast = new AutomaticForecaster().forecast(Series.of(history, 24, 168), horizon);

        double error = 0;
        for (int step = 0; step < horizon; step++) {
            error += Math.abs(forecast.mean(step) - all[n + step]) / all[n + step] / horizon;
        }
        assertThat(error).isLessThan(0.02);
        assertThat(forecast.provenance().model()).startsWith("Auto[");
        assertThat(forecast.provenance().parameters()).containsKey("backtestMase");
    }

    /**
     * Simulated truth: daily demand follows a growing driver with elasticity 0.8 and jumps 50% on a recurring event,
     * one of which falls inside the horizon. Given the events and the driver (its future from a scenario), the
     * regression candidate wins the backtest and the forecast carries the event and the scenario.
     */
    @Test
    void eventsAndDriversJoinTheCandidatesAndShapeTheForecast() {
        Random random = new Random(9);
        int n = 400;
        int horizon = 30;
        double[] driver = new double[n + horizon];
        double[] event = new double[n + horizon];
        double[] all = new double[n + horizon];
        for (int t = 0; t < n + horizon; t++) {
            driver[t] = 1e5 * Math.exp(0.001 * t) * (1 + 0.15 * Math.sin(2 * Math.PI * t / 7));
            event[t] = t % 45 == 10 ? 1 : 0;
        }
        // A scenario: the driver 20% higher by the end of the horizon, ramping from the first forecast step.
        double[] path = DriverPaths.scenario(driver, n, n + horizon - 1, 0.2);
        for (int t = 0; t < n + horizon; t++) {
            all[t] = 3 * Math.pow(path[t], 0.8) * (event[t] == 1 ? 1.5 : 1) * Math.exp(0.01 * random.nextGaussian());
        }
        double[] history = Arrays.copyOf(all, n);
        AutomaticForecaster automatic = AutomaticForecaster.withRegressors(
                List.of(Regressor.driver("users", path), Regressor.event("launch", event)));

        Forecast forecast = automatic.forecast(Series.of(history, 7), horizon);

        assertThat(forecast.provenance().model()).isEqualTo("Auto[Regression(multiplicative)]");
        assertThat(forecast.provenance().parameters().get("users")).isCloseTo(0.8, within(0.05));
        int eventStep = 415 - n; // t = 415 is an event day (415 % 45 == 10)
        assertThat(forecast.mean(eventStep) / all[415]).isCloseTo(1.0, within(0.03));
        assertThat(forecast.mean(horizon - 1) / all[n + horizon - 1]).isCloseTo(1.0, within(0.03));
    }
}
