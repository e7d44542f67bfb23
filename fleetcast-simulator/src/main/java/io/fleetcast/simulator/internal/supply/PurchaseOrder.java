package io.fleetcast.simulator.internal.supply;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.topology.Cluster;

/**
 * A purchase order for servers of one SKU for one cluster, with its simulated outcome: delivered on
 * {@code deliveryDay}, or cancelled (the planner learns of it on {@code cancelKnownDay}). Its identifier is given once
 * every order of the fleet is known, so that numbering follows order dates.
 */
public final class PurchaseOrder {
    /** Marks "never" for days that do not happen. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final Cluster cluster;
    private final Sku sku;
    private final int quantity;
    private final int orderedDay;
    private final int promisedDay;
    private final int deliveryDay;
    private final int cancelKnownDay;
    private final int sequence;
    private String id = "";

    PurchaseOrder(
            Cluster cluster,
            Sku sku,
            int quantity,
            int orderedDay,
            int promisedDay,
            int deliveryDay,
            int cancelKnownDay,
            int sequence) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.sku = requireNonNull(sku, "sku is null");
        checkArgument(quantity >= 1, "quantity must be >= 1, got %s", quantity);
        checkArgument(promisedDay >= orderedDay, "promised before ordered");
        checkArgument(deliveryDay == NEVER || deliveryDay >= orderedDay, "delivered before ordered");
        checkArgument((deliveryDay == NEVER) != (cancelKnownDay == NEVER), "an order is delivered or cancelled");
        this.quantity = quantity;
        this.orderedDay = orderedDay;
        this.promisedDay = promisedDay;
        this.deliveryDay = deliveryDay;
        this.cancelKnownDay = cancelKnownDay;
        this.sequence = sequence;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Sku sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    public int orderedDay() {
        return orderedDay;
    }

    public int promisedDay() {
        return promisedDay;
    }

    /** The day the servers arrive and enter service, or {@link #NEVER} for a cancelled order. */
    public int deliveryDay() {
        return deliveryDay;
    }

    /** The day the cancellation becomes known, or {@link #NEVER}. */
    public int cancelKnownDay() {
        return cancelKnownDay;
    }

    /** Order of creation within its cluster. */
    int sequence() {
        return sequence;
    }

    /** The orders.csv identifier; empty until the fleet's orders are numbered. */
    public String id() {
        return id;
    }

    void setId(String id) {
        this.id = requireNonNull(id, "id is null");
    }

    /** The orders.csv status as seen at the end of the history ({@code lastDay}). */
    public String status(int lastDay) {
        if (deliveryDay <= lastDay) {
            return "delivered";
        }
        if (cancelKnownDay <= lastDay) {
            return "cancelled";
        }
        return "open";
    }
}
