package io.fleetcast.store.capacity;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Servers in service on the data's last day that share a cluster, rack, SKU, batch, install day and retirement day.
 *
 * @param region the cluster's region
 * @param site the cluster's site
 * @param cluster the cluster
 * @param rack the rack, or {@code null} when not recorded
 * @param sku the SKU
 * @param ownership {@code owned}, {@code reserved} or {@code on_demand}
 * @param installed the install day
 * @param retires the stored (future) retirement day, or {@code null} when none is stored
 * @param count how many servers
 * @param batch their procurement batch, or {@code null} when not recorded
 */
public record InventoryGroup(
        String region,
        String site,
        String cluster,
        @Nullable String rack,
        String sku,
        String ownership,
        LocalDate installed,
        @Nullable LocalDate retires,
        int count,
        @Nullable String batch) {
    public InventoryGroup {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(installed, "installed is null");
    }
}
