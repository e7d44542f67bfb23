package io.fleetcast.store.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import org.jspecify.annotations.Nullable;

/**
 * One service's daily use and allocation of one resource in one cluster over the window.
 *
 * @param service the service
 * @param cluster the cluster
 * @param resource the resource; quantities are in its canonical unit
 * @param days the days with a usage row in the window
 * @param used the daily used quantity's percentiles
 * @param allocated the daily allocated quantity's percentiles over the days that have one; {@code null} when no row
 *     of the window has an allocation
 * @param allocatedLast the allocation of the last day in the window that has one; {@code null} when none has
 */
public record ServiceUtilization(
        String service,
        String cluster,
        Resource resource,
        long days,
        DailyPercentiles used,
        @Nullable DailyPercentiles allocated,
        @Nullable Double allocatedLast) {
    public ServiceUtilization {
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(used, "used is null");
        checkArgument(days > 0, "days must be > 0, got %s", days);
        checkArgument(
                (allocated == null) == (allocatedLast == null),
                "allocated and allocatedLast must both be present or both absent");
    }
}
