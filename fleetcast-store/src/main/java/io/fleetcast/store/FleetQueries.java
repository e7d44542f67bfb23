package io.fleetcast.store;

import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetTopology;
import io.fleetcast.store.fleet.OverviewFigures;
import io.fleetcast.store.fleet.OverviewQuery;
import java.util.Optional;

/**
 * Read access to the fleet for the overview: which days the data covers, which regions, sites, clusters and services
 * exist, and the capacity-versus-demand figures of a scope. Safe for use from several threads.
 *
 * <p>An asset is in service on day d when its install date is on or before d and it has neither failed nor been
 * retired on or before d. Usage and allocation come from daily usage rows (grain {@code day}) only.
 */
public interface FleetQueries {

    /** The days the fleet's data covers; empty when no assets and no usage are stored. */
    Optional<DataSpan> dataSpan();

    /** Every cluster with its site and region, and every service. */
    FleetTopology topology();

    /**
     * The figures of {@code query}'s scope over its range, all read from one snapshot.
     *
     * @throws io.fleetcast.core.error.FleetcastException {@code INTERNAL} if the store fails
     */
    OverviewFigures overview(OverviewQuery query);
}
