package io.fleetcast.planning.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One pool's allocation. Quantities are in the pool's unit.
 *
 * @param pool the cluster and resource
 * @param supply the free supply the requests shared
 * @param requested the requests' quantities added up
 * @param granted what was granted in all; at most {@code supply}
 * @param unmet {@code requested} minus {@code granted}
 * @param priorities one entry per priority that has requests in the pool, highest first
 */
public record PoolAllocation(
        Pool pool,
        double supply,
        double requested,
        double granted,
        double unmet,
        ImmutableList<PriorityShare> priorities) {
    public PoolAllocation {
        requireNonNull(pool, "pool is null");
        requireNonNull(priorities, "priorities is null");
    }

    /** Supply not granted to anyone, never below 0. */
    public double left() {
        return Math.max(0, supply - granted);
    }

    /** The priority that was shared because supply ran short, if one was. */
    public Optional<PriorityShare> shortPriority() {
        return priorities.stream()
                .filter(share -> share.serving() == PriorityShare.Serving.SHARED)
                .findFirst();
    }
}
