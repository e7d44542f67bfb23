package io.fleetcast.forecast.seasonal;

import static com.google.common.base.Preconditions.checkArgument;

/** Sample autocorrelation as R's {@code acf} computes it: mean-centred, every lag's sum divided by n. */
public final class Autocorrelation {
    private Autocorrelation() {}

    /**
     * The autocorrelations at lags 1 to {@code maxLag} of {@code values} (index 0 holds lag 1). A constant series has
     * none: every entry is NaN.
     */
    public static double[] of(double[] values, int maxLag) {
        int n = values.length;
        checkArgument(maxLag >= 1 && maxLag < n, "lags 1..%s need more than %s observations", maxLag, n);
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= n;
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean);
        }
        double[] correlations = new double[maxLag];
        for (int lag = 1; lag <= maxLag; lag++) {
            double sum = 0;
            for (int t = 0; t + lag < n; t++) {
                sum += (values[t] - mean) * (values[t + lag] - mean);
            }
            correlations[lag - 1] = sum / variance;
        }
        return correlations;
    }
}
