package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One stored day of a demand series.
 *
 * @param day the start of the day (UTC)
 * @param used the average used in the day, in the resource's canonical unit; finite and {@code >= 0}
 */
public record DemandDay(Instant day, double used) {
    public DemandDay {
        requireNonNull(day, "day is null");
        checkArgument(Double.isFinite(used), "used must be finite, got %s", used);
    }
}
