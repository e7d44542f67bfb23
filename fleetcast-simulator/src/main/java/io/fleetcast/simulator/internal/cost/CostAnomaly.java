package io.fleetcast.simulator.internal.cost;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An injected cost spike: one extra on-demand cost line tagged with the team and service, on one day.
 *
 * @param team the team charged
 * @param day the epoch day of the spike
 * @param service the service it is tagged with
 * @param cluster the cloud cluster it ran in
 * @param amountMicros its cost (BilledCost = EffectiveCost), micro-dollars
 * @param teamDailyMicros the team's other spend that day, for scale, micro-dollars
 * @param description what went wrong, for people
 */
public record CostAnomaly(
        String team,
        int day,
        String service,
        String cluster,
        long amountMicros,
        long teamDailyMicros,
        String description) {
    public CostAnomaly {
        requireNonNull(team, "team is null");
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(description, "description is null");
        checkArgument(amountMicros > 0, "amountMicros must be > 0, got %s", amountMicros);
    }
}
