package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What a service was allocated in a cluster on a day (daily usage rows), in canonical units.
 *
 * @param cluster the cluster
 * @param service the service
 * @param day the day
 * @param cores cores allocated
 * @param memoryGib memory allocated, GiB
 * @param storageTb storage allocated, TB
 */
public record AllocationDay(
        String cluster, String service, LocalDate day, double cores, double memoryGib, double storageTb) {
    public AllocationDay {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(service, "service is null");
        requireNonNull(day, "day is null");
    }
}
