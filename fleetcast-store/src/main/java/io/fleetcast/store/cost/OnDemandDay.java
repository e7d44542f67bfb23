package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of on-demand (no commitment discount, standard pricing) usage of a SKU in a region, metered in hours.
 *
 * @param sku SkuId
 * @param region RegionId, else RegionName; {@code ""} when the lines have neither
 * @param day the charge day
 * @param hours the ConsumedQuantity, hours
 * @param cost what it cost (EffectiveCost, else BilledCost)
 */
public record OnDemandDay(String sku, String region, LocalDate day, BigDecimal hours, BigDecimal cost) {
    public OnDemandDay {
        requireNonNull(sku, "sku is null");
        requireNonNull(region, "region is null");
        requireNonNull(day, "day is null");
        requireNonNull(hours, "hours is null");
        requireNonNull(cost, "cost is null");
    }
}
