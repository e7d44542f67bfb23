package io.fleetcast.planning.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.planning.headroom.ForecastErrors.Form;
import org.junit.jupiter.api.Test;

class ForecastErrorsTest {
    /** 0, 1, 4, ..., 19²: the naive forecast from origin o is (o - 1)², the actual 3 days ahead (o + 2)². */
    private static Series squares() {
        double[] values = new double[20];
        for (int t = 0; t < values.length; t++) {
            values[t] = t * t;
        }
        return Series.of(values);
    }

    @Test
    void errorsAtTheHorizonFromEachOrigin() {
        ForecastErrors errors = ForecastErrors.backtest(new NaiveForecaster(), squares(), 3, 5, 1, Form.ABSOLUTE);
        // Origins 13..17, error (o + 2)² - (o - 1)² = 3 (2o + 1).
        assertThat(errors.values()).containsExactly(81.0, 87.0, 93.0, 99.0, 105.0);
        assertThat(errors.horizon()).isEqualTo(3);
        assertThat(errors.method()).isEqualTo(new NaiveForecaster().name());
    }

    @Test
    void relativeErrorsDivideByTheForecast() {
        ForecastErrors errors = ForecastErrors.backtest(new NaiveForecaster(), squares(), 3, 2, 2, Form.RELATIVE);
        // Origins 15 and 17: 93 / 14² and 105 / 16².
        assertThat(errors.values().get(0)).isCloseTo(93.0 / 196, within(1e-12));
        assertThat(errors.values().get(1)).isCloseTo(105.0 / 256, within(1e-12));
    }

    @Test
    void takesAsManyOriginsAsTheHistoryAllows() {
        double[] values = new double[10];
        for (int t = 0; t < values.length; t++) {
            values[t] = t;
        }
        // The earliest origin must be past the first step: origins 2..7.
        assertThat(ForecastErrors.backtest(new NaiveForecaster(), Series.of(values), 3, 100, 1, Form.ABSOLUTE)
                        .values())
                .hasSize(6)
                .containsOnly(3.0);
        assertThatThrownBy(() -> ForecastErrors.backtest(
                        new NaiveForecaster(), Series.of(new double[] {1, 2, 3, 4}), 3, 10, 1, Form.ABSOLUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("errors 3 days ahead need more than 4 days of history, got 4");
    }

    @Test
    void relativeErrorsNeedPositiveForecasts() {
        Series idleAtFirst = Series.of(new double[] {0, 0, 0, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> ForecastErrors.backtest(new NaiveForecaster(), idleAtFirst, 1, 20, 1, Form.RELATIVE))
                .hasMessage("relative errors need positive forecasts; Naive forecast 0.0 from origin 2");
    }
}
