package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin, Journal of Econometrics 54, 1992), as
 * R's {@code urca::ur.kpss(type = "mu")} computes it and {@code forecast::ndiffs} uses it: with e the deviations from
 * the mean and S their partial sums, the statistic is {@code sum S_t^2 / (n^2 s^2)}, where s^2 is the long-run variance
 * of e with Bartlett weights {@code 1 - l / (L + 1)} up to lag L. ndiffs takes {@code L = trunc(3 sqrt(n) / 13)} and
 * differences while the test rejects stationarity at 5%, i.e. while the statistic exceeds the 5% critical value 0.463
 * (table 1 of the paper; the p-value R interpolates in that table is below 0.05 exactly then).
 */
public final class KpssTest {
    /** The 5% critical value of the level-stationarity statistic. */
    public static final double CRITICAL_VALUE_5_PERCENT = 0.463;

    private KpssTest() {}

    /** The number of autocovariance lags ndiffs uses for {@code n} observations: {@code trunc(3 sqrt(n) / 13)}. */
    public static int defaultLags(int n) {
        return (int) (3 * Math.sqrt(n) / 13);
    }

    /**
     * The KPSS level-stationarity statistic of {@code values} with {@code lags} autocovariance lags. NaN for a
     * constant series (the long-run variance is 0).
     *
     * @throws IllegalArgumentException when there are fewer than two values or lags is negative or not below n
     */
    public static double statistic(double[] values, int lags) {
        int n = values.length;
        checkArgument(n >= 2, "the KPSS statistic needs at least 2 observations, got %s", n);
        checkArgument(lags >= 0 && lags < n, "lags must be in [0, %s), got %s", n, lags);
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= n;
        double partialSum = 0;
        double sumOfPartialSquares = 0;
        double variance = 0;
        for (double value : values) {
            double e = value - mean;
            partialSum += e;
            sumOfPartialSquares += partialSum * partialSum;
            variance += e * e;
        }
        double longRun = variance / n;
        for (int lag = 1; lag <= lags; lag++) {
            double covariance = 0;
            for (int t = lag; t < n; t++) {
                covariance += (values[t] - mean) * (values[t - lag] - mean);
            }
            longRun += 2.0 / n * (1 - lag / (lags + 1.0)) * covariance;
        }
        return sumOfPartialSquares / ((double) n * n) / longRun;
    }

    /** True when the test rejects level stationarity at 5% with ndiffs' number of lags. */
    public static boolean rejectsStationarity(double[] values) {
        return statistic(values, defaultLags(values.length)) > CRITICAL_VALUE_5_PERCENT;
    }
}
