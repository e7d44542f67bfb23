package io.fleetcast.forecast.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import org.junit.jupiter.api.Test;

class LogForecasterTest {
    @Test
    void driftOnTheLogsContinuesExponentialGrowth() {
        double[] values = new double[30];
        for (int t = 0; t < values.length; t++) {
            values[t] = 5 * Math.pow(1.1, t);
        }

        Forecast forecast = new LogForecaster("Log", new DriftForecaster()).forecast(Series.of(values), 3);

        assertThat(forecast.mean(2)).isCloseTo(5 * Math.pow(1.1, 32), within(1e-9));
        assertThat(forecast.provenance().model()).isEqualTo("Log[Drift]");
        assertThat(forecast.provenance().parameters().get("log")).isEqualTo(1.0);
    }

    @Test
    void aSeriesWithAZeroIsForecastAsItIs() {
        Forecast forecast =
                new LogForecaster("Log", new DriftForecaster()).forecast(Series.of(new double[] {0, 1, 2, 3}), 1);

        assertThat(forecast.mean(0)).isCloseTo(4, within(1e-12));
        assertThat(forecast.provenance().parameters().get("log")).isEqualTo(0.0);
    }
}
