package io.fleetcast.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.TrendLine;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimisedThetaForecasterTest {
    static double parameter(Forecast forecast, String name) {
        return Objects.requireNonNull(forecast.provenance().parameters().get(name));
    }

    /**
     * The standard method is the optimised one at theta = 2 with SES's own weight, so the optimum's in-sample error
     * can only be lower (the combination's error at theta = 2 is half the theta line's SES error).
     */
    @Test
    void fitsAtLeastAsWellAsTheStandardMethodInSample() {
        Random random = new Random(17);
        double[] y = new double[120];
        double level = 50;
        for (int t = 0; t < y.length; t++) {
            level += 0.3 + random.nextGaussian();
            y[t] = level + 2 * random.nextGaussian();
        }
        Forecast optimised = new OptimisedThetaForecaster().forecast(Series.of(y), 10);
        Forecast standard = new ThetaForecaster().forecast(Series.of(y), 10);
        TrendLine line = TrendLine.fit(y, y.length);

        double optimum = OptimisedThetaForecaster.squaredError(
                y,
                line,
                parameter(optimised, "theta"),
                parameter(optimised, "alpha"),
                parameter(optimised, "initialLevel"));
        double atTwo =
                OptimisedThetaForecaster.squaredError(y, line, 2, parameter(standard, "alpha"), 2 * y[0] - line.at(1));

        assertThat(parameter(optimised, "theta")).isGreaterThanOrEqualTo(1);
        assertThat(optimum).isLessThanOrEqualTo(atTwo * (1 + 1e-9));
        assertThat(optimised.lower95()[9]).isLessThan(optimised.mean(9));
    }

    /** A straight line with noise: the combination follows the line ahead. */
    @Test
    void extendsALinearTrend() {
        Random random = new Random(3);
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 0.5 * t + random.nextGaussian();
        }

        Forecast forecast = new OptimisedThetaForecaster().forecast(Series.of(y), 20);

        assertThat(forecast.mean(19)).isCloseTo(10 + 0.5 * 219, within(2.0));
    }

    @Test
    void aSeriesTooShortIsRefused() {
        assertThatThrownBy(() -> new OptimisedThetaForecaster().forecast(Series.of(new double[] {1, 2, 3}), 2))
                .hasMessage("optimised Theta needs at least 4 observations, got 3");
    }
}
