package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.forecast.seasonal.SeasonalStrength;

/**
 * How many differences a series needs, as R's {@code forecast::ndiffs} and {@code nsdiffs} decide by default (the
 * choices auto.arima makes before it searches the ARMA orders).
 */
public final class Differencing {
    /** nsdiffs' threshold on the strength of seasonality. */
    public static final double SEASONAL_STRENGTH_THRESHOLD = 0.64;

    private Differencing() {}

    /**
     * The number of first differences (0 to {@code maxD}) after which the {@linkplain KpssTest KPSS test} no longer
     * rejects level stationarity at 5%. A constant series, or one that becomes constant, needs no further difference;
     * when the test cannot be computed (too few values left), the last difference is taken back, as ndiffs does.
     */
    public static int regularOrder(double[] values, int maxD) {
        checkArgument(maxD >= 0, "maxD must be >= 0, got %s", maxD);
        if (isConstant(values)) {
            return 0;
        }
        int d = 0;
        double[] x = values;
        double statistic = statistic(x);
        if (Double.isNaN(statistic)) {
            return 0;
        }
        while (statistic > KpssTest.CRITICAL_VALUE_5_PERCENT && d < maxD) {
            d++;
            x = difference(x, 1);
            if (isConstant(x)) {
                return d;
            }
            statistic = statistic(x);
            if (Double.isNaN(statistic)) {
                return d - 1;
            }
        }
        return d;
    }

    /** The KPSS statistic with ndiffs' lags; NaN when it cannot be computed. */
    private static double statistic(double[] x) {
        return x.length < 2 ? Double.NaN : KpssTest.statistic(x, KpssTest.defaultLags(x.length));
    }

    /**
     * 1 when the {@linkplain SeasonalStrength strength of seasonality} at {@code period} exceeds 0.64 (nsdiffs' default
     * test, {@code test = "seas"}, with at most one seasonal difference), else 0. A constant series, or one with no
     * more than two full periods (auto.arima does not test those), needs none.
     */
    public static int seasonalOrder(double[] values, int period) {
        checkArgument(period >= 2, "the period must be at least 2, got %s", period);
        if (isConstant(values) || values.length <= 2 * period) {
            return 0;
        }
        return SeasonalStrength.of(values, period) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
    }

    /** True when every value equals the first (an empty series is constant). */
    public static boolean isConstant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** {@code x_t - x_(t - lag)}: {@code n - lag} values. */
    static double[] difference(double[] values, int lag) {
        double[] result = new double[Math.max(0, values.length - lag)];
        for (int t = 0; t < result.length; t++) {
            result[t] = values[t + lag] - values[t];
        }
        return result;
    }
}
