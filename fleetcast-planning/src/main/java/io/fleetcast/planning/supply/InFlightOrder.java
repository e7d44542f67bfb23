package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * An open order: servers promised to a cluster and not yet delivered.
 *
 * @param orderId the order's id
 * @param cluster the destination cluster
 * @param sku the SKU ordered
 * @param quantity servers ordered
 * @param promised the promised delivery day
 */
public record InFlightOrder(String orderId, String cluster, String sku, long quantity, LocalDate promised) {
    public InFlightOrder {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(promised, "promised is null");
        if (quantity < 1) {
            throw new IllegalArgumentException("order " + orderId + " has quantity " + quantity + "; at least 1");
        }
    }
}
