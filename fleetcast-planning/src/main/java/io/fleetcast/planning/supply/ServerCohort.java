package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.reliability.distribution.LifeDistribution;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Servers of one cluster in service at the plan's start that share a SKU, an install day and a planned retirement.
 *
 * @param cluster the cluster
 * @param sku the SKU
 * @param count how many
 * @param installed the install day (ages count from it)
 * @param retires the first day out of service by plan (end of life); {@link LocalDate#MAX} when never
 * @param batch their procurement batch, when recorded: a batch may have a life of its own ({@link #lifeOf})
 */
public record ServerCohort(
        String cluster,
        String sku,
        int count,
        LocalDate installed,
        LocalDate retires,
        @Nullable String batch) {
    public ServerCohort {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(installed, "installed is null");
        requireNonNull(retires, "retires is null");
        if (count < 1) {
            throw new IllegalArgumentException("a cohort needs at least one server, got " + count);
        }
    }

    /** Servers without a recorded batch. */
    public ServerCohort(String cluster, String sku, int count, LocalDate installed, LocalDate retires) {
        this(cluster, sku, count, installed, retires, null);
    }

    /** The key of a batch's own life in a map of lives by SKU: {@code "SKU batch BATCH"}. */
    public static String batchKey(String sku, String batch) {
        return sku + " batch " + batch;
    }

    /** The life of servers of {@code sku} from {@code batch}: the batch's own when it has one, else the SKU's. */
    public static @Nullable LifeDistribution lifeOf(
            Map<String, LifeDistribution> lives, String sku, @Nullable String batch) {
        LifeDistribution own = batch == null ? null : lives.get(batchKey(sku, batch));
        return own != null ? own : lives.get(sku);
    }
}
