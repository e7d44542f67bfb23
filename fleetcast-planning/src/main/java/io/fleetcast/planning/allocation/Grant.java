package io.fleetcast.planning.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What one request was given.
 *
 * @param request the request
 * @param granted the quantity granted, in the pool's unit; between 0 and the request's quantity
 * @param unmet the quantity not granted: the request's quantity minus {@code granted}
 * @param outcome whether it got all, part or none of what it asked
 * @param explanation one line for a capacity engineer: how its priority was served, the fair level if it was shared,
 *     and why this request got what it got, with units
 */
public record Grant(AllocationRequest request, double granted, double unmet, Outcome outcome, String explanation) {
    /** Whether a request got all, part or none of what it asked. */
    public enum Outcome {
        /** Everything asked (also a request for nothing). */
        FULL,
        /** Some, not all. */
        PARTIAL,
        /** Nothing, though it asked for something. */
        NONE
    }

    public Grant {
        requireNonNull(request, "request is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(explanation, "explanation is null");
        checkArgument(
                granted >= 0 && unmet >= 0,
                "request %s: granted %s and unmet %s must be >= 0",
                request.id(),
                granted,
                unmet);
    }

    /** The request's identifier. */
    public String requestId() {
        return request.id();
    }
}
