package io.fleetcast.forecast.seasonal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Classical decomposition by moving averages, as R's {@code decompose}: the trend is the centred moving average over one
 * period (a 2 x m average for even m), the seasonal figure is the mean detrended value at each position of the cycle
 * (counted from the first observation), normalised to average 1 (multiplicative) or 0 (additive).
 */
public final class ClassicalDecomposition {
    private final double[] figure;
    private final boolean multiplicative;

    private ClassicalDecomposition(double[] figure, boolean multiplicative) {
        this.figure = figure;
        this.multiplicative = multiplicative;
    }

    /** Decomposes {@code values} = trend x seasonal x remainder. Every value must be positive. */
    public static ClassicalDecomposition multiplicative(double[] values, int period) {
        for (int t = 0; t < values.length; t++) {
            checkArgument(
                    values[t] > 0,
                    "multiplicative decomposition needs positive values; observation %s is %s",
                    (Object) (t + 1),
                    values[t]);
        }
        return decompose(values, period, true);
    }

    /** Decomposes {@code values} = trend + seasonal + remainder. */
    public static ClassicalDecomposition additive(double[] values, int period) {
        return decompose(values, period, false);
    }

    private static ClassicalDecomposition decompose(double[] values, int period, boolean multiplicative) {
        checkArgument(period >= 2, "the period must be at least 2, got %s", period);
        checkArgument(
                values.length >= 2 * period,
                "decomposition at period %s needs at least %s observations, got %s",
                period,
                2 * period,
                values.length);
        double[] trend = movingAverage(values, period);
        double[] sums = new double[period];
        int[] counts = new int[period];
        for (int t = 0; t < values.length; t++) {
            if (!Double.isNaN(trend[t])) {
                sums[t % period] += multiplicative ? values[t] / trend[t] : values[t] - trend[t];
                counts[t % period]++;
            }
        }
        double[] figure = new double[period];
        double mean = 0;
        for (int i = 0; i < period; i++) {
            figure[i] = sums[i] / counts[i];
            mean += figure[i] / period;
        }
        for (int i = 0; i < period; i++) {
            figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
        }
        return new ClassicalDecomposition(figure, multiplicative);
    }

    /** The centred moving average over one period; NaN where the window does not fit. */
    static double[] movingAverage(double[] values, int period) {
        int n = values.length;
        double[] trend = new double[n];
        Arrays.fill(trend, Double.NaN);
        int half = period / 2;
        boolean even = period % 2 == 0;
        for (int t = half; t < n - half; t++) {
            double sum = 0;
            if (even) {
                sum += 0.5 * values[t - half] + 0.5 * values[t + half];
                for (int j = -half + 1; j < half; j++) {
                    sum += values[t + j];
                }
            } else {
                for (int j = -half; j <= half; j++) {
                    sum += values[t + j];
                }
            }
            trend[t] = sum / period;
        }
        return trend;
    }

    public int period() {
        return figure.length;
    }

    public boolean isMultiplicative() {
        return multiplicative;
    }

    /** The seasonal component at observation {@code index} (0 = first observation; later indices forecast on). */
    public double seasonal(int index) {
        return figure[Math.floorMod(index, figure.length)];
    }

    /** The seasonal figure: one value per position of the cycle, the first for the first observation. */
    public double[] figure() {
        return figure.clone();
    }

    /** {@code values} with the seasonal component taken out. */
    public double[] adjust(double[] values) {
        double[] adjusted = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            adjusted[t] = multiplicative ? values[t] / seasonal(t) : values[t] - seasonal(t);
        }
        return adjusted;
    }

    /** Puts the seasonal component back into {@code value}, a forecast for observation {@code index}. */
    public double reseason(double value, int index) {
        return multiplicative ? value * seasonal(index) : value + seasonal(index);
    }
}
