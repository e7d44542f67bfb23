package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.List;

/**
 * A cluster's forecast usable capacity of one resource, day by day from {@link #start()}: what is installed at the
 * start, less expected failures and planned retirements, plus the expected arrivals of open orders; with its variance
 * (failures and arrivals are uncertain, retirements are planned), and each open order's chance of having arrived by
 * each day ({@link #usable}). Amounts are in the resource's canonical unit.
 */
public final class SupplyPath {
    private final String cluster;
    private final Resource resource;
    private final LocalDate start;
    private final double installed;
    private final double[] failed;
    private final double[] retired;
    private final double[] arriving;
    private final double[] variance;
    private final List<Arrival> orders;

    SupplyPath(
            String cluster,
            Resource resource,
            LocalDate start,
            double installed,
            double[] failed,
            double[] retired,
            double[] arriving,
            double[] variance,
            List<Arrival> orders) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.resource = requireNonNull(resource, "resource is null");
        this.start = requireNonNull(start, "start is null");
        this.installed = installed;
        this.failed = failed;
        this.retired = retired;
        this.arriving = arriving;
        this.variance = variance;
        this.orders = List.copyOf(orders);
    }

    public String cluster() {
        return cluster;
    }

    public Resource resource() {
        return resource;
    }

    /** The first day of the path: the day after the data's last day. */
    public LocalDate start() {
        return start;
    }

    /** How many days the path covers. */
    public int days() {
        return failed.length;
    }

    /** The capacity in service on the data's last day. */
    public double installed() {
        return installed;
    }

    /** The expected usable capacity on day {@code day} (0 = {@link #start()}). */
    public double mean(int day) {
        return installed - failed[day] - retired[day] + arriving[day];
    }

    /**
     * The usable capacity on day {@code day} that a plan at {@code level} counts on: as {@link #mean}, but each open
     * order counts whole from the first day its chance of having arrived reaches {@code level}, and not at all before,
     * rather than by that chance. At 0.5 an order arrives on its median day; at 0.9 on the day it is 90% sure to be
     * there. The expected arrivals blur a retirement the day before an order is due into a dip too shallow to cross
     * demand, where the order more likely than not comes after it.
     */
    public double usable(double level, int day) {
        double usable = mean(day);
        for (Arrival order : orders) {
            double arrived = order.arrived[day];
            usable += order.capacity * ((arrived >= level ? 1 : 0) - arrived);
        }
        return usable;
    }

    /** The standard deviation of the usable capacity on day {@code day}. */
    public double standardDeviation(int day) {
        return Math.sqrt(variance[day]);
    }

    /** The capacity expected to have failed by day {@code day}, of what was installed at the start (not replaced). */
    public double failed(int day) {
        return failed[day];
    }

    /** The capacity retired by plan by day {@code day}, of what was installed at the start. */
    public double retired(int day) {
        return retired[day];
    }

    /** The capacity of open orders expected to have arrived by day {@code day}. */
    public double arriving(int day) {
        return arriving[day];
    }

    /** This path with {@code amount} more capacity from day {@code from} on (a what-if or an order). */
    public SupplyPath plus(int from, double amount) {
        double[] more = arriving.clone();
        for (int day = Math.max(0, from); day < more.length; day++) {
            more[day] += amount;
        }
        return new SupplyPath(cluster, resource, start, installed, failed, retired, more, variance, orders);
    }

    /** An open order's capacity of the resource, and per day of the path its chance of having arrived by then. */
    static final class Arrival {
        private final double capacity;
        private final double[] arrived;

        Arrival(double capacity, double[] arrived) {
            this.capacity = capacity;
            this.arrived = arrived;
        }
    }
}
