package io.fleetcast.planning.allocation;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * How one priority's requests in one pool were served.
 *
 * @param priority the priority
 * @param requests how many requests it had in the pool
 * @param requested their quantities added up, in the pool's unit
 * @param available the pool's supply left when this priority's turn came (higher priorities served first)
 * @param granted what its requests were granted in all
 * @param unmet {@code requested} minus {@code granted}
 * @param serving whether it was served in full, shared, or got nothing
 * @param fairLevel for a {@linkplain Serving#SHARED shared} priority, the water level λ: every request of it that is
 *     not fully served gets λ × its weight, and every fully served one asked at most that; empty otherwise
 */
public record PriorityShare(
        Priority priority,
        int requests,
        double requested,
        double available,
        double granted,
        double unmet,
        Serving serving,
        OptionalDouble fairLevel) {
    /** How a priority was served. */
    public enum Serving {
        /** Every request got all it asked. */
        IN_FULL,
        /** The supply left was not enough; it was split by weighted max-min fairness. */
        SHARED,
        /** A higher priority was not served in full, so this one got nothing. */
        NONE
    }

    public PriorityShare {
        requireNonNull(priority, "priority is null");
        requireNonNull(serving, "serving is null");
        requireNonNull(fairLevel, "fairLevel is null");
    }
}
