package io.fleetcast.forecast.seasonal;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Seasonal-trend decomposition by loess (STL; Cleveland, Cleveland, McRae and Terpenning, Journal of Official
 * Statistics 6(1), 1990), without the robustness iterations, with the settings R's {@code forecast::mstl} passes to
 * {@code stats::stl} for one seasonal period: seasonal window 11 with locally constant fits, trend window the next odd
 * number from {@code 1.5 m / (1 - 1.5 / 11)}, low-pass window the next odd number from m, locally linear fits for
 * both; two passes of the inner loop; each smoother evaluated at every {@code ceil(window / 10)}-th point and
 * interpolated linearly in between.
 */
final class StlDecomposition {
    static final int SEASONAL_WINDOW = 11;
    private static final int INNER_PASSES = 2;

    private final double[] seasonal;
    private final double[] trend;

    private StlDecomposition(double[] seasonal, double[] trend) {
        this.seasonal = seasonal;
        this.trend = trend;
    }

    /**
     * Decomposes {@code values} at {@code period}.
     *
     * @throws IllegalArgumentException when there are no more than two full periods
     */
    static StlDecomposition of(double[] values, int period) {
        int n = values.length;
        checkArgument(period >= 2, "the period must be at least 2, got %s", period);
        checkArgument(
                n > 2 * period, "STL at period %s needs more than %s observations, got %s", period, 2 * period, n);
        int seasonalWindow = odd(Math.max(3, SEASONAL_WINDOW));
        int trendWindow = odd(Math.max(3, nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / SEASONAL_WINDOW)))));
        int lowPassWindow = odd(Math.max(3, nextOdd(period)));
        int seasonalJump = jump(seasonalWindow);
        int trendJump = jump(trendWindow);
        int lowPassJump = jump(lowPassWindow);

        double[] trend = new double[n];
        double[] seasonal = new double[n];
        double[] detrended = new double[n];
        double[] cycle = new double[n + 2 * period];
        double[] lowPass = new double[n];
        for (int pass = 0; pass < INNER_PASSES; pass++) {
            for (int t = 0; t < n; t++) {
                detrended[t] = values[t] - trend[t];
            }
            smoothCycleSubseries(detrended, period, seasonalWindow, seasonalJump, cycle);
            double[] filtered = lowPassFilter(cycle, period);
            smooth(filtered, lowPassWindow, 1, lowPassJump, lowPass);
            for (int t = 0; t < n; t++) {
                seasonal[t] = cycle[period + t] - lowPass[t];
                detrended[t] = values[t] - seasonal[t];
            }
            smooth(detrended, trendWindow, 1, trendJump, trend);
        }
        return new StlDecomposition(seasonal, trend);
    }

    private static int nextOdd(double x) {
        int rounded = (int) Math.round(x);
        return rounded % 2 == 0 ? rounded + 1 : rounded;
    }

    private static int odd(int x) {
        return x % 2 == 0 ? x + 1 : x;
    }

    private static int jump(int window) {
        return (int) Math.ceil(window / 10.0);
    }

    double[] seasonal() {
        return seasonal.clone();
    }

    double[] trend() {
        return trend.clone();
    }

    /**
     * Smooths each cycle-subseries (the values at one position of the cycle) with a locally constant loess and
     * extends it by one value before and after, into {@code cycle} (length n + 2 period, the first period values
     * standing one cycle before the series).
     */
    private static void smoothCycleSubseries(double[] values, int period, int window, int jump, double[] cycle) {
        int n = values.length;
        for (int position = 0; position < period; position++) {
            int k = (n - position - 1) / period + 1;
            double[] subseries = new double[k];
            for (int i = 0; i < k; i++) {
                subseries[i] = values[i * period + position];
            }
            double[] smoothed = new double[k];
            smooth(subseries, window, 0, jump, smoothed);
            double before = estimate(subseries, window, 0, 0, 1, Math.min(window, k));
            double after = estimate(subseries, window, 0, k + 1, Math.max(1, k - window + 1), k);
            cycle[position] = Double.isNaN(before) ? smoothed[0] : before;
            for (int i = 0; i < k; i++) {
                cycle[(i + 1) * period + position] = smoothed[i];
            }
            cycle[(k + 1) * period + position] = Double.isNaN(after) ? smoothed[k - 1] : after;
        }
    }

    /** Moving averages of lengths period, period and 3 in turn: n + 2 period values in, n out. */
    private static double[] lowPassFilter(double[] cycle, int period) {
        double[] first = movingAverage(cycle, period);
        double[] second = movingAverage(first, period);
        return movingAverage(second, 3);
    }

    private static double[] movingAverage(double[] values, int length) {
        double[] result = new double[values.length - length + 1];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        result[0] = sum / length;
        for (int i = 1; i < result.length; i++) {
            sum += values[i + length - 1] - values[i - 1];
            result[i] = sum / length;
        }
        return result;
    }

    /**
     * Loess of {@code values} (at positions 1..n) with {@code window} nearest points and the given degree (0 or 1),
     * evaluated at every {@code jump}-th position and at the last, linearly interpolated in between, into
     * {@code out}.
     */
    private static void smooth(double[] values, int window, int degree, int jump, double[] out) {
        int n = values.length;
        if (n < 2) {
            out[0] = values[0];
            return;
        }
        int step = Math.min(jump, n - 1);
        int half = (window + 1) / 2;
        int left = 1;
        int right = Math.min(window, n);
        for (int i = 1; i <= n; i += step) {
            if (window < n) {
                if (i < half) {
                    left = 1;
                    right = window;
                } else if (i >= n - half + 1) {
                    left = n - window + 1;
                    right = n;
                } else {
                    left = i - half + 1;
                    right = window + i - half;
                }
            }
            double value = estimate(values, window, degree, i, left, right);
            out[i - 1] = Double.isNaN(value) ? values[i - 1] : value;
        }
        if (step > 1) {
            for (int i = 1; i <= n - step; i += step) {
                double slope = (out[i + step - 1] - out[i - 1]) / step;
                for (int j = i + 1; j < i + step; j++) {
                    out[j - 1] = out[i - 1] + slope * (j - i);
                }
            }
            int last = ((n - 1) / step) * step + 1;
            if (last != n) {
                double value = estimate(values, window, degree, n, left, right);
                out[n - 1] = Double.isNaN(value) ? values[n - 1] : value;
                double slope = (out[n - 1] - out[last - 1]) / (n - last);
                for (int j = last + 1; j < n; j++) {
                    out[j - 1] = out[last - 1] + slope * (j - last);
                }
            }
        }
    }

    /**
     * The loess estimate at position {@code x} from the points {@code left..right} (1-based) with tricube weights
     * over the distance to the farthest of them (widened when the window is longer than the series); locally linear
     * when {@code degree} is 1 and the points are spread out. NaN when every weight is 0.
     */
    private static double estimate(double[] values, int window, int degree, double x, int left, int right) {
        int n = values.length;
        double h = Math.max(x - left, right - x);
        if (window > n) {
            h += Math.floorDiv(window - n, 2); // whole steps, as in the original Fortran
        }
        double outer = 0.999 * h;
        double inner = 0.001 * h;
        double total = 0;
        double[] weights = new double[right - left + 1];
        for (int j = left; j <= right; j++) {
            double distance = Math.abs(j - x);
            double weight = 0;
            if (distance <= outer) {
                if (distance <= inner) {
                    weight = 1;
                } else {
                    double ratio = distance / h;
                    double cube = 1 - ratio * ratio * ratio;
                    weight = cube * cube * cube;
                }
            }
            weights[j - left] = weight;
            total += weight;
        }
        if (total <= 0) {
            return Double.NaN;
        }
        for (int j = 0; j < weights.length; j++) {
            weights[j] /= total;
        }
        if (h > 0 && degree > 0) {
            double center = 0;
            for (int j = left; j <= right; j++) {
                center += weights[j - left] * j;
            }
            double spread = 0;
            for (int j = left; j <= right; j++) {
                spread += weights[j - left] * (j - center) * (j - center);
            }
            if (Math.sqrt(spread) > 0.001 * (n - 1)) {
                double slope = (x - center) / spread;
                for (int j = left; j <= right; j++) {
                    weights[j - left] *= slope * (j - center) + 1;
                }
            }
        }
        double estimate = 0;
        for (int j = left; j <= right; j++) {
            estimate += weights[j - left] * values[j - 1];
        }
        return estimate;
    }
}
