package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import io.fleetcast.planning.supply.EmpiricalDays;
import io.fleetcast.planning.supply.ServerShape;

/**
 * The SKU a cluster would be expanded with, and what ordering it takes.
 *
 * @param sku the SKU (a cluster's newest SKU, as a rule)
 * @param shape its capacity per server
 * @param unitCostUsd the price of one server, in USD
 * @param leadTime days from order to delivery, learned from delivered orders
 * @param leadTimeSource where the lead time comes from, for people (e.g. "12 delivered orders of compute-2024")
 * @param choice why this SKU, for people (e.g. "the newest SKU in c01 or on order for it (in the fleet since ...)")
 */
public record OrderOption(
        String sku,
        ServerShape shape,
        double unitCostUsd,
        EmpiricalDays leadTime,
        String leadTimeSource,
        String choice) {
    public OrderOption {
        requireNonNull(sku, "sku is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(leadTime, "leadTime is null");
        requireNonNull(leadTimeSource, "leadTimeSource is null");
        requireNonNull(choice, "choice is null");
    }
}
