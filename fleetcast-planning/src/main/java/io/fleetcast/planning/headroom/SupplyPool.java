package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

/**
 * Installed servers of one SKU in the cluster, and the chance each fails within the lead time (from the reliability
 * fits). A failed server is taken as out for the rest of the lead time.
 *
 * @param sku the SKU, for explanations
 * @param servers servers installed, at least 0
 * @param capacityPerServer capacity of one server in the resource's unit, positive
 * @param failureProbability chance one server fails within the lead time, in [0, 1]
 */
public record SupplyPool(String sku, int servers, double capacityPerServer, double failureProbability) {
    public SupplyPool {
        requireNonNull(sku, "sku is null");
        if (servers < 0) {
            throw new IllegalArgumentException("servers of " + sku + " must be at least 0, got " + servers);
        }
        if (!(capacityPerServer > 0 && Double.isFinite(capacityPerServer))) {
            throw new IllegalArgumentException(
                    "capacity per server of " + sku + " must be positive, got " + capacityPerServer);
        }
        if (!(failureProbability >= 0 && failureProbability <= 1)) {
            throw new IllegalArgumentException(
                    "failure probability of " + sku + " must be in [0, 1], got " + failureProbability);
        }
    }

    /** The pool's capacity, in the unit. */
    public double capacity() {
        return servers * capacityPerServer;
    }
}
