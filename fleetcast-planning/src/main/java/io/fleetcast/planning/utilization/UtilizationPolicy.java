package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The thresholds of the utilization analysis; fractions are of 1 (0.85 is 85%).
 *
 * @param exhaustionThreshold a cluster's resource is near exhaustion when its held fraction
 *     ({@link ClusterLoad#heldFraction()}) is at least this; in (0, 1], default {@value #DEFAULT_EXHAUSTION_THRESHOLD}
 * @param strandingGap another resource of that cluster idles, and is reported as stranded, when its held fraction is
 *     at least this much below the exhausted one's; in (0, 1], default {@value #DEFAULT_STRANDING_GAP}
 * @param idleBelow a service idles on a resource when its P95 daily use is below this fraction of its current
 *     allocation; in [0, underUsedBelow), default {@value #DEFAULT_IDLE_BELOW}
 * @param underUsedBelow it is under-used when below this fraction; in (idleBelow, 1], default
 *     {@value #DEFAULT_UNDER_USED_BELOW}
 * @param rightsizingMargin a rightsized allocation is P95 daily use times (1 + this margin); {@code >= 0}, default
 *     {@value #DEFAULT_RIGHTSIZING_MARGIN}
 */
public record UtilizationPolicy(
        double exhaustionThreshold,
        double strandingGap,
        double idleBelow,
        double underUsedBelow,
        double rightsizingMargin) {
    public static final double DEFAULT_EXHAUSTION_THRESHOLD = 0.85;
    public static final double DEFAULT_STRANDING_GAP = 0.20;
    public static final double DEFAULT_IDLE_BELOW = 0.05;
    public static final double DEFAULT_UNDER_USED_BELOW = 0.50;
    public static final double DEFAULT_RIGHTSIZING_MARGIN = 0.20;

    public UtilizationPolicy {
        checkArgument(
                exhaustionThreshold > 0 && exhaustionThreshold <= 1,
                "exhaustionThreshold must be in (0, 1], got %s",
                exhaustionThreshold);
        checkArgument(strandingGap > 0 && strandingGap <= 1, "strandingGap must be in (0, 1], got %s", strandingGap);
        checkArgument(
                idleBelow >= 0 && idleBelow < underUsedBelow && underUsedBelow <= 1,
                "need 0 <= idleBelow < underUsedBelow <= 1, got %s and %s",
                idleBelow,
                underUsedBelow);
        checkArgument(
                rightsizingMargin >= 0 && Double.isFinite(rightsizingMargin),
                "rightsizingMargin must be finite and >= 0, got %s",
                rightsizingMargin);
    }

    /** The default thresholds. */
    public static UtilizationPolicy defaults() {
        return new UtilizationPolicy(
                DEFAULT_EXHAUSTION_THRESHOLD,
                DEFAULT_STRANDING_GAP,
                DEFAULT_IDLE_BELOW,
                DEFAULT_UNDER_USED_BELOW,
                DEFAULT_RIGHTSIZING_MARGIN);
    }
}
