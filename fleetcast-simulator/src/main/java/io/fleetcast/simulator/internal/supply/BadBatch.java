package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.failure.WeibullLife;

/**
 * A procurement batch whose servers fail sooner than their SKU's: same Weibull shape, scale η multiplied by 0.3.
 *
 * @param order the order that delivered the batch (its id is the assets' batch)
 * @param life the batch's Weibull life
 */
public record BadBatch(PurchaseOrder order, WeibullLife life) {
    public BadBatch {
        requireNonNull(order, "order is null");
        requireNonNull(life, "life is null");
    }
}
