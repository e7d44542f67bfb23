package io.fleetcast.simulator.internal.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.organization.Workload;
import io.fleetcast.simulator.internal.topology.Cluster;

/**
 * A holiday or one-off event and its known effect: on each day from {@code startDay} to {@code endDay} (inclusive) the
 * expected used cpu and memory of every affected service in every affected cluster are multiplied by {@code lift}.
 * Storage is not affected, nor are traffic drivers or launch steps.
 *
 * @param name event name; a recurring holiday keeps its name every year
 * @param kind holiday or one-off
 * @param startDay first epoch day
 * @param endDay last epoch day, inclusive
 * @param scope what it affects
 * @param scopeValue the region or service name; empty for global events
 * @param lift multiplicative factor on affected demand (below 1 for a dip)
 */
public record DemandEvent(
        String name, EventKind kind, int startDay, int endDay, EventScope scope, String scopeValue, double lift) {
    public DemandEvent {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(scopeValue, "scopeValue is null");
        checkArgument(endDay >= startDay, "%s: endDay %s before startDay %s", name, endDay, startDay);
        checkArgument(lift > 0, "%s: lift must be > 0, got %s", name, lift);
        checkArgument(
                (scope == EventScope.GLOBAL) == scopeValue.isEmpty(), "%s: scopeValue must be set unless global", name);
    }

    /** Whether the event changes the demand of {@code service} in {@code cluster}. */
    public boolean appliesTo(Service service, Cluster cluster) {
        return switch (scope) {
            case GLOBAL -> service.workload() == Workload.INTERACTIVE;
            case REGION ->
                service.workload() == Workload.INTERACTIVE
                        && cluster.region().name().equals(scopeValue);
            case SERVICE -> service.name().equals(scopeValue);
        };
    }

    /** The group of services it affects, in words, for truth.json. */
    public String appliesToDescription() {
        return switch (scope) {
            case GLOBAL -> "used cpu and memory of every interactive service in every cluster";
            case REGION -> "used cpu and memory of every interactive service in the region's clusters";
            case SERVICE -> "used cpu and memory of the service in every cluster";
        };
    }
}
