package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Owned servers of one SKU in one cluster on one day.
 *
 * @param cluster the cluster
 * @param site its site
 * @param region its region
 * @param sku the SKU
 * @param day the day
 * @param inService servers in service that day (installed on or before it, neither failed nor retired on or before it)
 * @param depreciating of those, the ones installed less than the SKU's depreciation months before the day
 */
public record OwnedServerDay(
        String cluster, String site, String region, String sku, LocalDate day, int inService, int depreciating) {
    public OwnedServerDay {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(day, "day is null");
    }
}
