package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Servers of one cluster in service at the plan's start that share a SKU, an install day and a planned retirement.
 *
 * @param cluster the cluster
 * @param sku the SKU
 * @param count how many
 * @param installed the install day (ages count from it)
 * @param retires the first day out of service by plan (end of life); {@link LocalDate#MAX} when never
 */
public record ServerCohort(String cluster, String sku, int count, LocalDate installed, LocalDate retires) {
    public ServerCohort {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(installed, "installed is null");
        requireNonNull(retires, "retires is null");
        if (count < 1) {
            throw new IllegalArgumentException("a cohort needs at least one server, got " + count);
        }
    }
}
