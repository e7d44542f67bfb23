package io.fleetcast.store;

import io.fleetcast.store.utilization.UtilizationFigures;
import io.fleetcast.store.utilization.UtilizationQuery;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Read access to how well the fleet's capacity is used: over a window of days, the daily used and allocated quantities
 * of each service in each cluster and of each cluster in total (P50, P95, max), the clusters' supply and host shapes,
 * and the SKU catalog's prices. Computed inside the store, from daily usage rows (grain {@code day}) only. Safe for use
 * from several threads.
 *
 * <p>An asset is in service on day d when its install date is on or before d and it has neither failed nor been
 * retired on or before d.
 */
public interface UtilizationQueries {
    /**
     * The length of the most recent window, in days: a query of the last this many days of daily usage is answered
     * from statistics kept at each load, in a fraction of the time of other windows.
     */
    int RECENT_WINDOW_DAYS = 90;

    /** The last day that has daily usage rows; empty when there are none. */
    Optional<LocalDate> lastUsageDay();

    /**
     * The figures of {@code query}'s scope and window, all read from one snapshot.
     *
     * @throws io.fleetcast.core.error.FleetcastException {@code INTERNAL} if the store fails
     */
    UtilizationFigures utilization(UtilizationQuery query);
}
