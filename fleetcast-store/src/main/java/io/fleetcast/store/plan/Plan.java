package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One stored plan version.
 *
 * @param version the version, 1 for the first plan, then counting up
 * @param grain the grain of its series
 * @param parentVersion the version it was made from (the newest of its grain then); empty for the first
 * @param createdAt when it was written
 * @param description a line for people
 * @param lineage per series, how the plan got its run (see {@link PlanLineage})
 * @param reconciliation the method that made the plan coherent across its hierarchies; empty when none did
 */
public record Plan(
        int version,
        DemandGrain grain,
        OptionalInt parentVersion,
        Instant createdAt,
        String description,
        PlanLineage lineage,
        Optional<String> reconciliation) {
    public Plan {
        checkArgument(version >= 1, "version must be >= 1, got %s", version);
        requireNonNull(grain, "grain is null");
        requireNonNull(parentVersion, "parentVersion is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(description, "description is null");
        requireNonNull(lineage, "lineage is null");
        requireNonNull(reconciliation, "reconciliation is null");
    }
}
