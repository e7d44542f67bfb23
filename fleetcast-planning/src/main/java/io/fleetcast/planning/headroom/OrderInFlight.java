package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

import io.fleetcast.planning.supply.EmpiricalDays;
import org.hipparchus.distribution.continuous.BetaDistribution;

/**
 * A supply order not yet delivered: its capacity, when it was promised and how late such orders are delivered. An
 * order promised within the lead time counts in the planned supply; the chance that it slips past the lead time is a
 * supply risk.
 *
 * @param sku the SKU ordered, for explanations
 * @param capacity the capacity it brings, in the resource's unit, positive
 * @param promisedInDays days from now to the promised delivery; negative for an order already overdue by that many days
 * @param slipDays how many days such orders are delivered after their promise (negative: early)
 */
public record OrderInFlight(String sku, double capacity, int promisedInDays, EmpiricalDays slipDays) {
    public OrderInFlight {
        requireNonNull(sku, "sku is null");
        requireNonNull(slipDays, "slipDays is null");
        if (!(capacity > 0 && Double.isFinite(capacity))) {
            throw new IllegalArgumentException(
                    "capacity of the order of " + sku + " must be positive, got " + capacity);
        }
    }

    /**
     * The chance the order is not delivered within {@code leadTimeDays}: its slip exceeds the days left after the
     * promise. An overdue order's slip is drawn from the slips longer than it has already waited.
     */
    public double lateProbability(int leadTimeDays) {
        int history = pastOrders();
        return history == 0 ? 0 : (double) late(leadTimeDays) / history;
    }

    /**
     * The upper {@code confidence} bound on {@link #lateProbability}, given that it is learned from a sample of
     * delivered orders: the Clopper-Pearson bound (Clopper and Pearson 1934, Biometrika 26(4)) of {@code k} late among
     * the {@code n} orders that speak for this one, the Beta({@code k + 1}, {@code n − k}) quantile at {@code
     * confidence}; 1 when all were late. An overdue order no past order outwaited arrives at once, as {@link
     * EmpiricalDays#cumulativeGiven} has it: 0.
     */
    public double lateProbabilityBound(int leadTimeDays, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence must be in (0, 1), got " + confidence);
        }
        int history = pastOrders();
        int late = late(leadTimeDays);
        if (history == 0) {
            return 0;
        }
        if (late == history) {
            return 1;
        }
        return new BetaDistribution(late + 1, history - late).inverseCumulativeProbability(confidence);
    }

    /** How many past orders speak for this one: all, or for an overdue order those that waited longer. */
    private int pastOrders() {
        int count = slipDays.count();
        return promisedInDays >= 0 ? count : count - atMost(-promisedInDays);
    }

    /** How many of them were late by more than the days left after the promise. */
    private int late(int leadTimeDays) {
        return slipDays.count() - atMost(leadTimeDays - promisedInDays);
    }

    private int atMost(int day) {
        return (int) Math.round(slipDays.cumulative(day) * slipDays.count());
    }
}
