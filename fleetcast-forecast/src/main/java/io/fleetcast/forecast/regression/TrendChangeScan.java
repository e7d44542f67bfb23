package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where and how hard {@link RegressionModel#fit(double[], java.util.List, double, TrendChangeScan, int)} looks for one
 * change of the trend's slope: at every {@link #STEP}th step from {@code before} steps after the first observation to
 * {@code after} steps before the last, kept when the largest is at least {@code t} standard errors from none.
 *
 * <p>The largest |t| of many candidates is larger than that of one fixed in advance, so {@code t} should be well above
 * the 2 a single test would use (the supremum Wald test of Andrews 1993).
 */
public record TrendChangeScan(double t, int before, int after) {
    /** Candidates are this many steps apart (a week of days). */
    public static final int STEP = 7;

    public TrendChangeScan {
        checkArgument(t > 0 && Double.isFinite(t), "the trend change's t threshold must be positive, got %s", t);
        checkArgument(
                before >= 2 && after >= 2,
                "a trend change needs steps before and after it, got %s and %s",
                before,
                after);
    }
}
