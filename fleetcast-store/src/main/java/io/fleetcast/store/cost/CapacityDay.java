package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A service's capacity in a cluster on a day (daily usage rows), allocated or used as the query says, in canonical
 * units.
 *
 * @param cluster the cluster
 * @param service the service
 * @param day the day
 * @param cores cores
 * @param memoryGib memory, GiB
 * @param storageTb storage, TB
 */
public record CapacityDay(
        String cluster, String service, LocalDate day, double cores, double memoryGib, double storageTb) {
    public CapacityDay {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(service, "service is null");
        requireNonNull(day, "day is null");
    }
}
