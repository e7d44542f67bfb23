package io.fleetcast.store.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import org.jspecify.annotations.Nullable;

/**
 * One cluster's supply of one resource and its services' daily totals over the window.
 *
 * @param cluster the cluster
 * @param site its site
 * @param region its region
 * @param resource the resource; quantities are in its canonical unit
 * @param supply the installed capacity of the cluster's assets in service on the window's last day (the SKU catalog's
 *     cores, memory_gib or storage_tb, summed); 0 when none is
 * @param days the days with at least one usage row in the window; 0 when the cluster has none
 * @param used percentiles of the daily sum of used over the cluster's services; {@code null} when {@code days} is 0
 * @param allocated percentiles of the daily sum of allocated (over the days where some service has an allocation);
 *     {@code null} when no day has one
 */
public record ClusterUtilization(
        String cluster,
        String site,
        String region,
        Resource resource,
        double supply,
        long days,
        @Nullable DailyPercentiles used,
        @Nullable DailyPercentiles allocated) {
    public ClusterUtilization {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
        requireNonNull(resource, "resource is null");
        checkArgument(supply >= 0, "supply must be >= 0, got %s", supply);
        checkArgument(days >= 0, "days must be >= 0, got %s", days);
        checkArgument((days == 0) == (used == null), "used must be present exactly when days > 0");
    }
}
