package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

/**
 * Servers of one SKU in service on one day, and their capacity.
 *
 * @param sku the SKU name
 * @param kind {@code owned} hardware or a {@code cloud} instance type
 */
public record SkuCapacity(String sku, String kind, long servers, long cores, double memoryGib, double storageTb) {
    public SkuCapacity {
        requireNonNull(sku, "sku is null");
        requireNonNull(kind, "kind is null");
    }
}
