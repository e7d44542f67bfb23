package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A delivered supply order, as lead-time history: when it was ordered, promised and delivered.
 *
 * @param sku the SKU ordered
 * @param ordered the day it was placed
 * @param promised the delivery day the vendor promised
 * @param delivered the day it was delivered and usable
 */
public record PastOrder(String sku, LocalDate ordered, LocalDate promised, LocalDate delivered) {
    public PastOrder {
        requireNonNull(sku, "sku is null");
        requireNonNull(ordered, "ordered is null");
        requireNonNull(promised, "promised is null");
        requireNonNull(delivered, "delivered is null");
        if (promised.isBefore(ordered) || delivered.isBefore(ordered)) {
            throw new IllegalArgumentException("order of " + sku + " promised or delivered before it was ordered");
        }
    }

    /** Days from order to delivery. */
    public int leadDays() {
        return (int) ChronoUnit.DAYS.between(ordered, delivered);
    }

    /** Days delivered after the promise; negative when early. */
    public int slipDays() {
        return (int) ChronoUnit.DAYS.between(promised, delivered);
    }
}
