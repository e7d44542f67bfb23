package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

/**
 * A failure domain of the cluster (rack, row, site or cluster of a region) and its weight: its capacity or its share of
 * the demand. Only the ratios of the weights matter.
 *
 * @param name the domain, for explanations
 * @param weight its capacity (in any unit) or share, positive
 */
public record FailureDomain(String name, double weight) {
    public FailureDomain {
        requireNonNull(name, "name is null");
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("weight of failure domain " + name + " must be positive, got " + weight);
        }
    }
}
