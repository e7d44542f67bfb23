package io.fleetcast.forecast.seasonal;

/**
 * The strength of seasonality (Wang, Smith and Hyndman, Characteristic-based clustering for time series data, Data
 * Mining and Knowledge Discovery 13, 2006; Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 3rd ed.,
 * section 4.3): {@code max(0, 1 - Var(R) / Var(S + R))}, with S the seasonal component and R the remainder of an
 * {@linkplain Stl STL decomposition} with the settings of R's {@code forecast::mstl}, as R's
 * {@code forecast::nsdiffs} computes it for its default test.
 */
public final class SeasonalStrength {
    private SeasonalStrength() {}

    /**
     * The strength of seasonality of {@code values} at {@code period}, in [0, 1]; 0 for a series without variation.
     *
     * @throws IllegalArgumentException when there are no more than two full periods
     */
    public static double of(double[] values, int period) {
        // R's mstl with one period: STL with a seasonal window of 11.
        Stl decomposition = Stl.decompose(values, period, 11);
        double[] seasonal = decomposition.seasonal();
        double[] trend = decomposition.trend();
        int n = values.length;
        double[] remainder = new double[n];
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            remainder[t] = values[t] - seasonal[t] - trend[t];
            detrended[t] = remainder[t] + seasonal[t];
        }
        double detrendedVariance = sumOfSquaredDeviations(detrended);
        if (!(detrendedVariance > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - sumOfSquaredDeviations(remainder) / detrendedVariance));
    }

    private static double sumOfSquaredDeviations(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }
}
