package io.fleetcast.app.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Repeated timings of one query, in milliseconds: the median, the 95th percentile and the slowest. Percentiles are
 * nearest-rank: the p-th percentile of n sorted values is the ⌈p·n⌉-th, so every reported value is one that was
 * measured.
 *
 * @param count the timings
 */
public record LatencySummary(int count, double p50Millis, double p95Millis, double maxMillis) {
    public LatencySummary {
        checkArgument(count >= 1, "count must be >= 1, got %s", count);
        checkArgument(
                p50Millis <= p95Millis && p95Millis <= maxMillis,
                "expected p50 <= p95 <= max, got %s, %s, %s",
                p50Millis,
                p95Millis,
                maxMillis);
    }

    /** The summary of {@code nanos}, one elapsed time per run. */
    public static LatencySummary ofNanos(long... nanos) {
        checkArgument(nanos.length >= 1, "no timings");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        checkArgument(sorted[0] >= 0, "negative timing %s ns", sorted[0]);
        return new LatencySummary(
                sorted.length,
                millis(nearestRank(sorted, 0.50)),
                millis(nearestRank(sorted, 0.95)),
                millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank {@code p}-quantile (0 < p ≤ 1) of ascending {@code sorted}. */
    static long nearestRank(long[] sorted, double p) {
        checkArgument(p > 0 && p <= 1, "p must be in (0, 1], got %s", p);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
