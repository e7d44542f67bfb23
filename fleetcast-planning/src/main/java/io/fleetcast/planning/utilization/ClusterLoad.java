package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One cluster's supply of one resource against its services' daily totals over a window.
 *
 * @param cluster the cluster
 * @param resource the resource; quantities are in its canonical unit
 * @param supply installed capacity in service at the window's end, finite and {@code >= 0}
 * @param used percentiles of the daily sum of used over the cluster's services; {@code null} without usage
 * @param allocated percentiles of the daily sum of allocations; {@code null} when no service has one
 */
public record ClusterLoad(
        String cluster,
        Resource resource,
        double supply,
        @Nullable Percentiles used,
        @Nullable Percentiles allocated) {
    public ClusterLoad {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        checkArgument(supply >= 0 && Double.isFinite(supply), "supply must be finite and >= 0, got %s", supply);
    }

    /**
     * The fraction of supply held: P95 of the daily allocated total over supply, or of the daily used total where the
     * cluster has no allocations; 0 when there is no usage of the resource at all (nothing holds it). Empty when supply
     * is 0. May exceed 1 where more is allocated than installed.
     */
    public OptionalDouble heldFraction() {
        if (supply == 0) {
            return OptionalDouble.empty();
        }
        Percentiles held = allocated != null ? allocated : used;
        return OptionalDouble.of(held == null ? 0 : held.p95() / supply);
    }
}
