package io.fleetcast.forecast.seasonal;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning 1990), with the defaults of R's
 * {@code stl}: {@code values = trend + seasonal + remainder}. The seasonal component comes from loess smoothing of each
 * cycle-subseries (degree 0) followed by a low-pass filter; the trend from loess smoothing (degree 1) of the
 * deseasonalised series; two inner passes, no robustness iterations. Smoothers are evaluated every {@code
 * ceil(window / 10)} points and interpolated linearly in between, as R does.
 */
public final class Stl {
    private final double[] seasonal;
    private final double[] trend;

    private Stl(double[] seasonal, double[] trend) {
        this.seasonal = seasonal;
        this.trend = trend;
    }

    /**
     * Decomposes {@code values} at {@code period} with a seasonal loess window of {@code seasonalWindow} cycles (odd;
     * even values are rounded up; larger windows give a more stable seasonal shape). The trend window is R's default,
     * the next odd number at or above {@code 1.5 period / (1 - 1.5 / seasonalWindow)}.
     */
    public static Stl decompose(double[] values, int period, int seasonalWindow) {
        checkArgument(period >= 2, "the period must be at least 2, got %s", period);
        checkArgument(seasonalWindow >= 3, "the seasonal window must be at least 3, got %s", seasonalWindow);
        checkArgument(
                values.length > 2 * period,
                "STL at period %s needs more than %s observations, got %s",
                period,
                2 * period,
                values.length);
        int seasonalSpan = nextOdd(seasonalWindow);
        int trendSpan = nextOdd((int) Math.ceil(1.5 * period / (1 - 1.5 / seasonalSpan)));
        int lowPassSpan = nextOdd(period);
        return new Decomposer(values, period, seasonalSpan, trendSpan, lowPassSpan).run();
    }

    /** The seasonal component, one value per observation. */
    public double[] seasonal() {
        return seasonal.clone();
    }

    /** The trend component, one value per observation. */
    public double[] trend() {
        return trend.clone();
    }

    static int nextOdd(int value) {
        return value % 2 == 0 ? value + 1 : value;
    }

    /** One decomposition: the inner loop of STL with its work arrays. */
    private static final class Decomposer {
        private final double[] values;
        private final int n;
        private final int period;
        private final int seasonalSpan;
        private final int trendSpan;
        private final int lowPassSpan;
        private final double[] seasonal;
        private final double[] trend;
        private final double[] work;
        private final double[] cycle;
        private final double[] subseries;
        private final double[] smoothed;
        private final double[] averaged;
        private final double[] averagedTwice;
        private final double[] lowPass;
        private final Loess loess;

        Decomposer(double[] values, int period, int seasonalSpan, int trendSpan, int lowPassSpan) {
            this.values = values;
            this.n = values.length;
            this.period = period;
            this.seasonalSpan = seasonalSpan;
            this.trendSpan = trendSpan;
            this.lowPassSpan = lowPassSpan;
            this.seasonal = new double[n];
            this.trend = new double[n];
            this.work = new double[n];
            this.cycle = new double[n + 2 * period];
            int subseriesLength = (n + period - 1) / period;
            this.subseries = new double[subseriesLength];
            this.smoothed = new double[subseriesLength + 2];
            this.averaged = new double[n + 2 * period];
            this.averagedTwice = new double[n + 2 * period];
            this.lowPass = new double[n];
            this.loess = new Loess(n);
        }

        Stl run() {
            for (int pass = 0; pass < 2; pass++) {
                for (int t = 0; t < n; t++) {
                    work[t] = values[t] - trend[t];
                }
                smoothCycleSubseries();
                lowPassFilter();
                for (int t = 0; t < n; t++) {
                    seasonal[t] = cycle[period + t] - lowPass[t];
                    work[t] = values[t] - seasonal[t];
                }
                loess.smooth(work, n, trendSpan, 1, jump(trendSpan), trend);
            }
            return new Stl(seasonal, trend);
        }

        /**
         * Smooths each cycle-subseries of {@code work} and extends it one cycle before and after; the result, {@code
         * n + 2 period} long, goes to {@code cycle}.
         */
        private void smoothCycleSubseries() {
            int jump = jump(seasonalSpan);
            for (int position = 0; position < period; position++) {
                int length = (n - position - 1) / period + 1;
                for (int k = 0; k < length; k++) {
                    subseries[k] = work[position + k * period];
                }
                loess.smooth(subseries, length, seasonalSpan, 0, jump, smoothed, 1);
                int right = Math.min(seasonalSpan, length);
                smoothed[0] = loess.estimate(subseries, length, seasonalSpan, 0, 0, 1, right, smoothed[1]);
                int left = Math.max(1, length - seasonalSpan + 1);
                smoothed[length + 1] =
                        loess.estimate(subseries, length, seasonalSpan, 0, length + 1, left, length, smoothed[length]);
                for (int k = 0; k < length + 2; k++) {
                    cycle[position + k * period] = smoothed[k];
                }
            }
        }

        /** Moving averages of lengths period, period and 3, then loess: the low-frequency part of {@code cycle}. */
        private void lowPassFilter() {
            movingAverage(cycle, n + 2 * period, period, averaged);
            movingAverage(averaged, n + period + 1, period, averagedTwice);
            movingAverage(averagedTwice, n + 2, 3, averaged);
            loess.smooth(averaged, n, lowPassSpan, 1, jump(lowPassSpan), lowPass);
        }

        private static int jump(int span) {
            return (int) Math.ceil(span / 10.0);
        }

        /** Averages of {@code span} consecutive values of the first {@code length} of {@code x}. */
        private static void movingAverage(double[] x, int length, int span, double[] into) {
            int outputs = length - span + 1;
            double sum = 0;
            for (int i = 0; i < span; i++) {
                sum += x[i];
            }
            into[0] = sum / span;
            for (int i = 1; i < outputs; i++) {
                sum += x[i + span - 1] - x[i - 1];
                into[i] = sum / span;
            }
        }
    }
}
