package io.fleetcast.simulator.internal.supply;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.failure.FailureMode;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.topology.Cluster;
import org.jspecify.annotations.Nullable;

/**
 * A server or cloud instance over its whole simulated life, including the parts after the end of the history that
 * files never show. In service on days {@code installDay <= d < leaveDay()}. Its identifier is given once every asset
 * of the fleet is known.
 */
public final class Asset {
    private final Cluster cluster;
    private final Sku sku;
    private final Ownership ownership;
    private final int installDay;
    private int retireDay;
    private final int failureDay;
    private final @Nullable PurchaseOrder order;
    private final String batch;
    private final int slot;
    private final int knownFromDay;
    private final @Nullable WeibullLife life;
    private final FailureMode failureMode;
    private final int degradationDays;
    private final int sequence;
    private String id = "";

    Asset(
            Cluster cluster,
            Sku sku,
            Ownership ownership,
            int installDay,
            int retireDay,
            int failureDay,
            @Nullable PurchaseOrder order,
            String batch,
            int slot,
            int knownFromDay,
            @Nullable WeibullLife life,
            FailureMode failureMode,
            int degradationDays,
            int sequence) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.sku = requireNonNull(sku, "sku is null");
        this.ownership = requireNonNull(ownership, "ownership is null");
        checkArgument(retireDay > installDay, "retireDay must be after installDay");
        checkArgument(failureDay >= installDay, "failureDay must not be before installDay");
        this.installDay = installDay;
        this.retireDay = retireDay;
        this.failureDay = failureDay;
        this.order = order;
        this.batch = requireNonNull(batch, "batch is null");
        this.slot = slot;
        this.knownFromDay = knownFromDay;
        this.life = life;
        this.failureMode = requireNonNull(failureMode, "failureMode is null");
        this.degradationDays = degradationDays;
        this.sequence = sequence;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Sku sku() {
        return sku;
    }

    public Ownership ownership() {
        return ownership;
    }

    public int installDay() {
        return installDay;
    }

    /** Planned (owned) or actual (cloud) retirement day; {@link PurchaseOrder#NEVER} when never. */
    public int retireDay() {
        return retireDay;
    }

    /** The day its simulated life ends in failure; {@link PurchaseOrder#NEVER} for cloud instances. */
    public int failureDay() {
        return failureDay;
    }

    /** Whether it fails before its planned retirement. */
    public boolean fails() {
        return failureDay < retireDay;
    }

    /** The first day it is out of service: its failure or its retirement, whichever comes first. */
    public int leaveDay() {
        return Math.min(failureDay, retireDay);
    }

    public boolean inServiceOn(int day) {
        return installDay <= day && day < leaveDay();
    }

    /** The order that delivered it; null for replacements and cloud instances. */
    public @Nullable PurchaseOrder order() {
        return order;
    }

    /** The batch (vintage) written to assets.csv: its order id, or a replacement or commitment batch. */
    public String batch() {
        PurchaseOrder source = order;
        return source == null ? batch : source.id();
    }

    /** Position in its cluster's racks (owned) or zone rotation (cloud). */
    public int slot() {
        return slot;
    }

    /** The day the capacity planner learns about it. */
    int knownFromDay() {
        return knownFromDay;
    }

    /** The life distribution its failure was drawn from (owned), or null. */
    public @Nullable WeibullLife life() {
        return life;
    }

    /** What breaks when it fails. */
    public FailureMode failureMode() {
        return failureMode;
    }

    /** Days before the failure its telemetry starts to degrade (10–40 for owned servers, 0 for cloud instances). */
    public int degradationDays() {
        return degradationDays;
    }

    int sequence() {
        return sequence;
    }

    /** The assets.csv identifier; empty until the fleet's assets are numbered. */
    public String id() {
        return id;
    }

    void setId(String id) {
        this.id = requireNonNull(id, "id is null");
    }

    void retireOn(int day) {
        checkArgument(day > installDay, "retire day %s not after install day %s", day, installDay);
        this.retireDay = day;
    }
}
