package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

/**
 * Forecast spend over the days ahead, summed.
 *
 * @param days the days ahead
 * @param p50 the median of the sum
 * @param standardError the standard deviation of the sum's error, from a backtest of the same method at the same
 *     horizon (0 when no days are ahead)
 * @param method the forecasting method
 * @param backtestOrigins how many backtest origins measured the error; 0 when the history was too short and the
 *     method's own intervals were used
 */
public record SpendOutlook(int days, double p50, double standardError, String method, int backtestOrigins) {
    /** Nothing ahead. */
    public static final SpendOutlook NONE = new SpendOutlook(0, 0, 0, "none", 0);

    public SpendOutlook {
        requireNonNull(method, "method is null");
        if (days < 0
                || !Double.isFinite(p50)
                || !(standardError >= 0)
                || Double.isInfinite(standardError)
                || backtestOrigins < 0) {
            throw new IllegalArgumentException("not a spend outlook: " + days + " days, P50 " + p50 + ", error "
                    + standardError + ", " + backtestOrigins + " origins");
        }
    }
}
