package io.fleetcast.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.metric.Accuracy;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Simulated truth: white noise around a known level with standard deviation 2, forecast by a method that knows the
 * level but claims a standard deviation of 1. Calibration must find the factor 2 and restore the coverage.
 */
class IntervalScalesTest {
    static final double LEVEL = 10;
    static final double SIGMA = 2;

    /** Knows the level; its intervals are those of a standard deviation of 1, half the truth. */
    static final class OverconfidentForecaster implements Forecaster {
        @Override
        public String name() {
            return "Overconfident";
        }

        @Override
        public Forecast forecast(Series series, int horizon) {
            double[] mean = new double[horizon];
            double[] standardErrors = new double[horizon];
            Arrays.fill(mean, LEVEL);
            Arrays.fill(standardErrors, 1);
            return Forecast.normal(
                    new Provenance("Overconfident", ImmutableMap.of(), series.length()), mean, standardErrors);
        }
    }

    static double[] noise(Random random, int length) {
        double[] values = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = LEVEL + SIGMA * random.nextGaussian();
        }
        return values;
    }

    @Test
    void findsHowMuchTooNarrowTheIntervalsAreAndRestoresCoverage() {
        Random random = new Random(42);
        CalibratedForecaster calibrated = new CalibratedForecaster(new OverconfidentForecaster(), 10);
        double coverage95 = 0;
        double coverage80 = 0;
        double scale95 = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            double[] values = noise(random, 300);
            Forecast forecast = calibrated.forecast(Series.of(values), 20);
            double[] future = noise(random, 20);
            coverage95 += Accuracy.coverage(future, forecast.lower95(), forecast.upper95()) / trials;
            coverage80 += Accuracy.coverage(future, forecast.lower80(), forecast.upper80()) / trials;
            scale95 += Objects.requireNonNull(forecast.provenance().parameters().get("intervalScale95")) / trials;
        }

        assertThat(scale95).isCloseTo(SIGMA, within(0.1));
        assertThat(coverage95).isCloseTo(0.95, within(0.015));
        assertThat(coverage80).isCloseTo(0.80, within(0.03));
    }

    @Test
    void neverNarrowsIntervalsThatHeldTooOften() {
        double[] values = new double[200];
        Arrays.fill(values, LEVEL);
        values[199] = LEVEL + 0.5;
        BacktestResult backtest =
                Backtest.run(new OverconfidentForecaster(), Series.of(values), BacktestPlan.of(10, 3));

        IntervalScales scales = IntervalScales.from(backtest).orElseThrow();

        assertThat(scales.scale80()).isEqualTo(1.0);
        assertThat(scales.scale95()).isEqualTo(1.0);
    }

    @Test
    void tooFewErrorsLeaveTheIntervalsAlone() {
        BacktestResult backtest =
                Backtest.run(new OverconfidentForecaster(), Series.of(noise(new Random(1), 50)), BacktestPlan.of(5, 3));

        assertThat(IntervalScales.from(backtest)).isEmpty();
    }
}
