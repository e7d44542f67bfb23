package io.fleetcast.forecast.seasonal;

/**
 * The M4 competition's test for seasonality at period m (90% one-sided): the series is seasonal when the
 * autocorrelation at lag m exceeds 1.645 times its standard error under the hypothesis that the correlations beyond
 * lag m - 1 are zero, {@code sqrt((1 + 2 * sum of r_k^2 for k < m) / n)}. Series shorter than three periods, and
 * constant ones, are not seasonal.
 */
public final class SeasonalityTest {
    private static final double CRITICAL_VALUE = 1.645;

    private SeasonalityTest() {}

    public static boolean isSeasonal(double[] values, int period) {
        if (period <= 1 || values.length < 3 * period) {
            return false;
        }
        double[] correlations = Autocorrelation.of(values, period);
        double sumOfSquares = 0;
        for (int lag = 1; lag < period; lag++) {
            sumOfSquares += correlations[lag - 1] * correlations[lag - 1];
        }
        double limit = CRITICAL_VALUE / Math.sqrt(values.length) * Math.sqrt(1 + 2 * sumOfSquares);
        double atPeriod = correlations[period - 1];
        return !Double.isNaN(atPeriod) && Math.abs(atPeriod) > limit;
    }
}
