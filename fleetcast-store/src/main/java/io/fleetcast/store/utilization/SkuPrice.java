package io.fleetcast.store.utilization;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One SKU of the catalog: its capacity and what the catalog says it costs (docs/data-formats.md lists the columns).
 *
 * @param sku the SKU
 * @param kind {@code owned} or {@code cloud}
 * @param cores cores per unit
 * @param memoryGib memory per unit, GiB
 * @param storageTb storage per unit, TB
 * @param priceUsd purchase price per unit (owned), USD
 * @param hourlyUsd on-demand price per hour (cloud), USD
 * @param powerWatts typical power draw per unit (owned), W
 * @param depreciationMonths months over which the price is depreciated (owned)
 */
public record SkuPrice(
        String sku,
        String kind,
        long cores,
        double memoryGib,
        double storageTb,
        @Nullable BigDecimal priceUsd,
        @Nullable BigDecimal hourlyUsd,
        @Nullable Double powerWatts,
        @Nullable Long depreciationMonths) {
    public SkuPrice {
        requireNonNull(sku, "sku is null");
        requireNonNull(kind, "kind is null");
    }
}
