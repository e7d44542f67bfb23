package io.fleetcast.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectingForecasterTest {
    @Test
    void picksTheMethodThatWinsTheBacktest() {
        double[] values = new double[60];
        for (int t = 0; t < values.length; t++) {
            values[t] = 100 + 2 * t;
        }
        SelectingForecaster selecting =
                new SelectingForecaster("Select", List.of(new NaiveForecaster(), new DriftForecaster()), 3, false);

        Forecast forecast = selecting.forecast(Series.of(values), 5);

        assertThat(forecast.provenance().model()).isEqualTo("Select[Drift]");
        assertThat(forecast.provenance().parameters().get("backtestMase")).isCloseTo(0, within(1e-9));
        assertThat(forecast.mean(4)).isCloseTo(100 + 2 * 64, within(1e-9));
    }

    @Test
    void seasonalDataPicksSeasonalNaiveOverNaive() {
        Random random = new Random(7);
        double[] values = new double[200];
        for (int t = 0; t < values.length; t++) {
            values[t] = 50 + 20 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        SelectingForecaster selecting = new SelectingForecaster(
                "Select", List.of(new NaiveForecaster(), new SeasonalNaiveForecaster()), 3, true);

        Forecast forecast = selecting.forecast(Series.of(values, 12), 12);

        assertThat(forecast.provenance().model()).isEqualTo("Select[sNaive]");
    }

    @Test
    void aSeriesTooShortToBacktestGetsTheFirstCandidate() {
        SelectingForecaster selecting =
                new SelectingForecaster("Select", List.of(new NaiveForecaster(), new DriftForecaster()), 3, true);

        Forecast forecast = selecting.forecast(Series.of(new double[] {1, 2, 3, 4, 5}), 2);

        assertThat(forecast.provenance().model()).isEqualTo("Select[Naive]");
        assertThat(forecast.provenance().parameters().get("backtestMase")).isNaN();
        assertThat(forecast.backtestErrors()).isEmpty();
    }

    /** Naive alone on t²: fold origins 14, 16, 18 of 20; each error is t² minus the square of the origin's last t. */
    @Test
    void carriesTheChosenMethodsBacktestErrorsOldestFirst() {
        double[] values = new double[20];
        for (int t = 0; t < values.length; t++) {
            values[t] = t * t;
        }
        SelectingForecaster selecting = new SelectingForecaster("Select", List.of(new NaiveForecaster()), 3, true);

        Forecast forecast = selecting.forecast(Series.of(values), 2);

        assertThat(forecast.backtestErrors().orElseThrow())
                .containsExactly(
                        14 * 14 - 13 * 13,
                        15 * 15 - 13 * 13,
                        16 * 16 - 15 * 15,
                        17 * 17 - 15 * 15,
                        18 * 18 - 17 * 17,
                        19 * 19 - 17 * 17);
    }
}
