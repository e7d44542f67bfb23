package io.fleetcast.store.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.store.fleet.FleetScope;
import java.time.LocalDate;

/**
 * What the utilization figures are asked for: a part of the fleet and a window of days.
 *
 * <p>The scope's region, site and cluster keep the clusters under them. Its service keeps that service's rows and the
 * clusters it has usage in during the window; those clusters' totals and supply still count every service, so the
 * service's share of them can be read.
 *
 * @param scope the part of the fleet
 * @param from the window's first day, inclusive
 * @param to the window's last day, inclusive; supply and servers are those in service on this day
 */
public record UtilizationQuery(FleetScope scope, LocalDate from, LocalDate to) {
    public UtilizationQuery {
        requireNonNull(scope, "scope is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        checkArgument(!from.isAfter(to), "from %s is after to %s", from, to);
    }
}
