package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The median, 95th percentile and maximum of a quantity's daily values over a window, in the resource's canonical
 * unit (cores, GiB, TB).
 *
 * @param p50 the median daily value, finite and {@code >= 0}
 * @param p95 the 95th percentile, {@code >= p50}
 * @param max the largest daily value, {@code >= p95}
 */
public record Percentiles(double p50, double p95, double max) {
    public Percentiles {
        checkArgument(Double.isFinite(max), "percentiles must be finite, got max %s", max);
        checkArgument(
                0 <= p50 && p50 <= p95 && p95 <= max,
                "percentiles must be ordered 0 <= p50 <= p95 <= max, got %s, %s, %s",
                p50,
                p95,
                max);
    }
}
