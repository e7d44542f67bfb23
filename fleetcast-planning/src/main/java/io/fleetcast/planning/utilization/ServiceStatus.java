package io.fleetcast.planning.utilization;

import java.util.Locale;

/** How well a service uses its allocation of a resource in a cluster: P95 daily use against current allocation. */
public enum ServiceStatus {
    /** P95 use is below {@link UtilizationPolicy#idleBelow()} of the allocation. */
    IDLE,
    /** P95 use is below {@link UtilizationPolicy#underUsedBelow()} of the allocation. */
    UNDER_USED,
    /** P95 use is between the under-used threshold and the allocation. */
    WELL_USED,
    /** P95 use is above the allocation. */
    ABOVE_ALLOCATION,
    /** The service has no allocation of the resource there, or an allocation of 0. */
    UNALLOCATED;

    /** The name used in JSON: {@code idle}, {@code under_used}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
