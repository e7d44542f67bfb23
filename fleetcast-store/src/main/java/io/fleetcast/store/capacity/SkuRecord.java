package io.fleetcast.store.capacity;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One SKU of the catalog, as planning needs it.
 *
 * @param kind {@code owned} or {@code cloud}
 * @param priceUsd purchase price of an owned server
 * @param hourlyUsd on-demand price per hour of a cloud instance
 * @param lifetimeMonths planned months in service of an owned server
 */
public record SkuRecord(
        String sku,
        String kind,
        long cores,
        double memoryGib,
        double storageTb,
        @Nullable BigDecimal priceUsd,
        @Nullable BigDecimal hourlyUsd,
        @Nullable Long lifetimeMonths) {}
