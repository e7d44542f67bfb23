package io.fleetcast.simulator.internal.organization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A service and its owners.
 *
 * @param index position in {@link Organization#services()}
 * @param name service name, unique
 * @param team owning team
 * @param org the team's organisation
 * @param tier {@code critical}, {@code standard} or {@code batch}
 * @param workload how its demand behaves
 */
public record Service(int index, String name, String team, String org, String tier, Workload workload) {
    public Service {
        checkArgument(index >= 0, "index must be >= 0");
        requireNonNull(name, "name is null");
        requireNonNull(team, "team is null");
        requireNonNull(org, "org is null");
        requireNonNull(tier, "tier is null");
        requireNonNull(workload, "workload is null");
    }
}
