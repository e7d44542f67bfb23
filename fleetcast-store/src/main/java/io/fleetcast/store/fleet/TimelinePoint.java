package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One day of the capacity-versus-demand timeline, for one resource, in its canonical unit.
 *
 * @param capacity capacity of the servers in service that day; {@code null} when the scope names a service
 * @param allocated allocation that day summed over services and clusters in scope; {@code null} without such rows
 * @param used usage that day summed over services and clusters in scope; {@code null} without usage rows that day
 */
public record TimelinePoint(
        LocalDate date,
        @Nullable Double capacity,
        @Nullable Double allocated,
        @Nullable Double used) {
    public TimelinePoint {
        requireNonNull(date, "date is null");
    }
}
