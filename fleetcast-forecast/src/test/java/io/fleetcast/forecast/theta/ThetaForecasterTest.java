package io.fleetcast.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThetaForecasterTest {
    @Test
    void continuesALineAtHalfItsSlope() {
        // On a line the theta = 2 line is the data itself, which SES forecasts flat at the last value, 65; averaged
        // with the extended line, the forecast rises by half the slope per step.
        double[] values = new double[30];
        for (int t = 0; t < values.length; t++) {
            values[t] = 5 + 2.0 * (t + 1);
        }

        Forecast forecast = new ThetaForecaster().forecast(Series.of(values), 3);

        assertThat(forecast.mean()).containsExactly(new double[] {66, 67, 68}, within(1e-3));
        assertThat(forecast.provenance().parameters().get("slope")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void addsHalfTheSlopeToAFlatSmoothedLevel() {
        // Noise around a level with a trend: the forecast's steps grow by half the slope per step, as SES with drift.
        double[] values = new double[200];
        Random random = new Random(11);
        for (int t = 0; t < values.length; t++) {
            values[t] = 100 + 0.5 * t + 3 * random.nextGaussian();
        }

        double[] mean = new ThetaForecaster().forecast(Series.of(values), 10).mean();

        assertThat(mean[9] - mean[8]).isCloseTo(0.25, within(0.02));
    }
}
