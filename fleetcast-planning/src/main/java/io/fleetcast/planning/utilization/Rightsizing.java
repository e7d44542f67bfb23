package io.fleetcast.planning.utilization;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A recommendation to shrink an idle or under-used service's allocation of one resource in one cluster.
 *
 * @param service the service
 * @param cluster the cluster
 * @param resource the resource
 * @param status {@link ServiceStatus#IDLE} or {@link ServiceStatus#UNDER_USED}
 * @param usedP95 P95 of daily use, in the canonical unit
 * @param allocatedNow the current allocation
 * @param recommended the new allocation: {@code usedP95 × (1 + margin)}
 * @param reclaimable {@code allocatedNow − recommended}, {@code > 0}
 * @param unit the canonical unit: cores, GiB or TB
 * @param usdPerMonth what the reclaimable amount costs a month at the cluster's unit rate, USD: the saving once the
 *     capacity is released (cloud) or not bought (owned); {@code null} when the cluster's rates are unknown
 */
public record Rightsizing(
        String service,
        String cluster,
        Resource resource,
        ServiceStatus status,
        double usedP95,
        double allocatedNow,
        double recommended,
        double reclaimable,
        String unit,
        @Nullable Double usdPerMonth) {
    public Rightsizing {
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(status, "status is null");
        requireNonNull(unit, "unit is null");
    }
}
