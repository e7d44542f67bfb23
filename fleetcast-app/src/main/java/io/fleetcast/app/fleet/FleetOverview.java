package io.fleetcast.app.fleet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetLevel;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.OverviewFigures;
import io.fleetcast.store.fleet.ServerTotals;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The fleet overview of one scope: servers and capacity in service on {@code to}, average usage and allocation over
 * {@code [from, to]}, the next drill level broken down, servers per SKU, and a daily timeline of capacity versus
 * allocation versus usage. Quantities are in {@code resource}'s canonical unit (cores, GiB or TB).
 *
 * @param scope the scope, with the parents of what the user named filled in (a site's region, a cluster's site and
 *     region)
 * @param resource the resource of the breakdown, the timeline, and the usage figures
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param span the days the fleet's data covers
 * @param figures the figures read from the store
 */
public record FleetOverview(
        FleetScope scope, Resource resource, LocalDate from, LocalDate to, DataSpan span, OverviewFigures figures) {
    public FleetOverview {
        requireNonNull(scope, "scope is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(span, "span is null");
        requireNonNull(figures, "figures is null");
        checkArgument(!from.isAfter(to), "from %s is after to %s", from, to);
        checkArgument(
                (figures.servers() != null) == scope.hasServers(), "servers must be present exactly for server scopes");
    }

    /** The deepest level the scope names. */
    public FleetLevel level() {
        return scope.level();
    }

    /** The level the breakdown lists; empty at the service level. */
    public Optional<FleetLevel> breakdownLevel() {
        return scope.breakdownLevel();
    }

    /** Servers and capacity in service on {@code to}; empty when the scope names a service (services own none). */
    public Optional<ServerTotals> servers() {
        return Optional.ofNullable(figures.servers());
    }

    /** The canonical unit of {@code resource}: {@code cores}, {@code GiB} or {@code TB}. */
    public String unit() {
        return resource.canonicalUnit();
    }
}
