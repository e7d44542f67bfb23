package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What an hour of a SKU costs under a commitment (reservation, savings plan).
 *
 * @param sku the SKU
 * @param observed the rate the cost lines paid under commitments (EffectiveCost per ConsumedQuantity hour); null when
 *     no line of the SKU used a commitment
 * @param catalog the SKU catalog's {@code reserved_hourly_usd}; null when the catalog has none
 */
public record CommitmentRate(
        String sku, @Nullable BigDecimal observed, @Nullable BigDecimal catalog) {
    public CommitmentRate {
        requireNonNull(sku, "sku is null");
    }
}
