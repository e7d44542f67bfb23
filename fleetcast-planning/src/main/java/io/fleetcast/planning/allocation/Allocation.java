package io.fleetcast.planning.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The result of allocating supply to requests.
 *
 * @param grants one per request, ordered by pool (cluster, then resource), priority (P0 first) and request id
 * @param pools one per pool that has requests, ordered by cluster, then resource
 */
public record Allocation(ImmutableList<Grant> grants, ImmutableList<PoolAllocation> pools) {
    public Allocation {
        requireNonNull(grants, "grants is null");
        requireNonNull(pools, "pools is null");
    }

    /** The grant of the request {@code requestId}, if there is such a request. */
    public Optional<Grant> grant(String requestId) {
        return grants.stream()
                .filter(grant -> grant.requestId().equals(requestId))
                .findFirst();
    }

    /** The allocation of {@code pool}, if it has requests. */
    public Optional<PoolAllocation> pool(Pool pool) {
        return pools.stream()
                .filter(allocation -> allocation.pool().equals(pool))
                .findFirst();
    }
}
