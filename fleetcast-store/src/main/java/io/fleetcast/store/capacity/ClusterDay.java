package io.fleetcast.store.capacity;

import java.time.LocalDate;

/**
 * A cluster's daily demand of one resource: its services' used and allocated amounts summed.
 *
 * @param resource {@code cpu}, {@code memory} or {@code storage}
 * @param used the sum of the services' daily used amounts, in the resource's canonical unit
 * @param allocated the sum of their allocations (services without an allocation count 0)
 */
public record ClusterDay(String cluster, String resource, LocalDate day, double used, double allocated) {}
