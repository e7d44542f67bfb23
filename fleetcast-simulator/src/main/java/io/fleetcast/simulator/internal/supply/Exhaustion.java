package io.fleetcast.simulator.internal.supply;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.topology.Cluster;

/**
 * Ground truth: the first day after the end of the history on which a cluster's expected used demand of a resource
 * exceeds its usable capacity, if nothing more is ordered.
 *
 * @param cluster the owned cluster
 * @param resource the resource that runs out
 * @param day the first epoch day with expected used demand above usable capacity
 * @param usableAtEnd usable capacity on the day after the end of the history (canonical unit)
 * @param expectedAtEnd expected used demand on the last day of the history (canonical unit)
 * @param usableOnDay usable capacity on {@code day} (canonical unit)
 * @param expectedOnDay expected used demand on {@code day} (canonical unit)
 * @param designed whether the simulation built this cluster to run out (rather than it happening by itself)
 */
public record Exhaustion(
        Cluster cluster,
        Resource resource,
        int day,
        double usableAtEnd,
        double expectedAtEnd,
        double usableOnDay,
        double expectedOnDay,
        boolean designed) {
    public Exhaustion {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        checkArgument(
                usableAtEnd >= 0 && expectedAtEnd >= 0 && usableOnDay >= 0 && expectedOnDay >= 0,
                "capacities must be >= 0");
    }
}
