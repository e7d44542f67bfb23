package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import org.jspecify.annotations.Nullable;

/**
 * How much of one resource one service used and had allocated in one cluster, day by day over a window.
 *
 * @param service the service
 * @param cluster the cluster it runs in
 * @param resource the resource; quantities are in its canonical unit
 * @param used the daily used quantity's percentiles
 * @param allocated the daily allocation's percentiles; {@code null} when the service has no allocation there
 * @param allocatedNow the allocation on the window's last day that has one, {@code >= 0}; {@code null} exactly when
 *     {@code allocated} is
 */
public record ServiceLoad(
        String service,
        String cluster,
        Resource resource,
        Percentiles used,
        @Nullable Percentiles allocated,
        @Nullable Double allocatedNow) {
    public ServiceLoad {
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(used, "used is null");
        checkArgument(
                (allocated == null) == (allocatedNow == null),
                "allocated and allocatedNow of %s in %s must both be present or both absent",
                service,
                cluster);
        checkArgument(
                allocatedNow == null || (allocatedNow >= 0 && Double.isFinite(allocatedNow)),
                "allocatedNow must be finite and >= 0, got %s",
                allocatedNow);
    }
}
