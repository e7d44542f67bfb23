package io.fleetcast.store.utilization;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The median, 95th percentile and maximum of a quantity's daily values over a window. Percentiles interpolate
 * linearly between the ordered daily values (Hyndman and Fan's definition 7, as DuckDB's {@code quantile_cont}, R's
 * default and numpy's {@code linear}): the p-quantile of n sorted values x(1..n) is x(h) at h = 1 + (n − 1) p, read
 * between neighbours when h is not a whole number.
 *
 * @param p50 the median daily value
 * @param p95 the 95th percentile of the daily values
 * @param max the largest daily value
 */
public record DailyPercentiles(double p50, double p95, double max) {
    public DailyPercentiles {
        checkArgument(p50 <= p95 && p95 <= max, "percentiles must be ordered: p50 %s, p95 %s, max %s", p50, p95, max);
    }
}
