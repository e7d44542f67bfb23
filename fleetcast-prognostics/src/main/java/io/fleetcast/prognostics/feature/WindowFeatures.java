package io.fleetcast.prognostics.feature;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Point-in-time window statistics of one signal of one asset, read at equal steps (days, or an engine's cycles): for
 * each step t and window of W steps, the readings of steps t − W + 1 to t. These are the store's telemetry features
 * ({@code TelemetryQueries.features}) for series already in memory: mean, sample std, min, max, least-squares slope
 * per step, EWMA (a reading d steps old weighs exp(−d / (W / 2))), and, once per signal, the last value and its
 * change since the first reading. Missing readings (NaN) are left out; a statistic with too few readings is NaN.
 */
public final class WindowFeatures {
    /** The statistics per window, in the order {@link #names} and {@link #compute} give them. */
    public static final ImmutableList<String> STATISTICS =
            ImmutableList.of("mean", "std", "min", "max", "slope", "ewma");

    private final ImmutableList<Integer> windows;

    private WindowFeatures(List<Integer> windows) {
        this.windows = ImmutableList.copyOf(windows);
    }

    /** Statistics over each of {@code windows} steps (each at least 1). */
    public static WindowFeatures of(List<Integer> windows) {
        checkArgument(!windows.isEmpty(), "at least one window is needed");
        for (int window : windows) {
            checkArgument(window >= 1, "a window must be at least 1 step, got %s", window);
        }
        return new WindowFeatures(windows);
    }

    public ImmutableList<Integer> windows() {
        return windows;
    }

    /** The feature names for {@code signal}: {@code signal:last}, {@code signal:since_first}, then per window. */
    public List<String> names(String signal) {
        List<String> names = new ArrayList<>();
        names.add(signal + ":last");
        names.add(signal + ":since_first");
        for (int window : windows) {
            for (String statistic : STATISTICS) {
                names.add(signal + ":" + statistic + "_" + window);
            }
        }
        return names;
    }

    /** How many features {@link #compute} gives per step. */
    public int width() {
        return 2 + windows.size() * STATISTICS.size();
    }

    /** Per step of {@code values}, its features in the order of {@link #names}: {@code [step][feature]}. */
    public double[][] compute(double[] values) {
        double[][] features = new double[values.length][width()];
        double first = Double.NaN;
        for (int t = 0; t < values.length; t++) {
            double[] row = features[t];
            if (Double.isNaN(first) && !Double.isNaN(values[t])) {
                first = values[t];
            }
            row[0] = values[t];
            row[1] = values[t] - first;
            int column = 2;
            for (int window : windows) {
                window(values, t, window, row, column);
                column += STATISTICS.size();
            }
        }
        return features;
    }

    private static void window(double[] values, int t, int window, double[] row, int column) {
        int count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double weightSum = 0;
        double weighted = 0;
        double tau = window / 2.0;
        for (int s = Math.max(0, t - window + 1); s <= t; s++) {
            double value = values[s];
            if (Double.isNaN(value)) {
                continue;
            }
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            double weight = Math.exp(-(t - s) / tau);
            weightSum += weight;
            weighted += weight * value;
        }
        if (count == 0) {
            for (int k = 0; k < STATISTICS.size(); k++) {
                row[column + k] = Double.NaN;
            }
            return;
        }
        double mean = sum / count;
        double squares = 0;
        double stepMean = 0;
        for (int s = Math.max(0, t - window + 1); s <= t; s++) {
            if (!Double.isNaN(values[s])) {
                squares += (values[s] - mean) * (values[s] - mean);
                stepMean += s;
            }
        }
        stepMean /= count;
        double covariance = 0;
        double spread = 0;
        for (int s = Math.max(0, t - window + 1); s <= t; s++) {
            if (!Double.isNaN(values[s])) {
                covariance += (s - stepMean) * (values[s] - mean);
                spread += (s - stepMean) * (s - stepMean);
            }
        }
        row[column] = mean;
        row[column + 1] = count > 1 ? Math.sqrt(squares / (count - 1)) : Double.NaN;
        row[column + 2] = min;
        row[column + 3] = max;
        row[column + 4] = count > 1 ? covariance / spread : Double.NaN;
        row[column + 5] = weighted / weightSum;
    }
}
