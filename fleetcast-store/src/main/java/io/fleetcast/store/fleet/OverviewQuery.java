package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;

/**
 * What the overview asks for: a scope, a resource, and a range of days.
 *
 * @param scope the part of the fleet
 * @param resource the resource whose capacity, usage and allocation the breakdown and timeline show
 * @param from the first day, inclusive
 * @param to the last day, inclusive; servers and capacity "now" are those in service on this day
 */
public record OverviewQuery(FleetScope scope, Resource resource, LocalDate from, LocalDate to) {
    public OverviewQuery {
        requireNonNull(scope, "scope is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        checkArgument(!from.isAfter(to), "from %s is after to %s", from, to);
    }
}
