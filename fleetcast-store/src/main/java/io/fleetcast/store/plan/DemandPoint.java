package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One period of a demand series at its grain.
 *
 * @param ts the start of the period (UTC): an hour, a day, a Monday or the first of a month
 * @param used the average used over the period's stored days (or the stored hour), in the resource's canonical unit
 */
public record DemandPoint(Instant ts, double used) {
    public DemandPoint {
        requireNonNull(ts, "ts is null");
        checkArgument(Double.isFinite(used), "used must be finite, got %s", used);
    }
}
