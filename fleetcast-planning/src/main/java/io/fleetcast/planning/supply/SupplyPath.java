package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster's forecast usable capacity of one resource, day by day from {@link #start()}: what is installed at the
 * start, less expected failures and planned retirements, plus the open orders that have arrived by their median day;
 * with its variance (failures and arrivals are uncertain, retirements are planned). Amounts are in the resource's
 * canonical unit.
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

    SupplyPath(
            String cluster,
            Resource resource,
            LocalDate start,
            double installed,
            double[] failed,
            double[] retired,
            double[] arriving,
            double[] variance) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.resource = requireNonNull(resource, "resource is null");
        this.start = requireNonNull(start, "start is null");
        this.installed = installed;
        this.failed = failed;
        this.retired = retired;
        this.arriving = arriving;
        this.variance = variance;
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

    /**
     * The usable capacity on day {@code day} (0 = {@link #start()}): expected failures, planned retirements, and open
     * orders counted whole from their median arrival day.
     */
    public double mean(int day) {
        return installed - failed[day] - retired[day] + arriving[day];
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

    /** The capacity of open orders whose median arrival day is on or before day {@code day}. */
    public double arriving(int day) {
        return arriving[day];
    }

    /**
     * The path month by month: for each calendar month it reaches (the first and last only in part), the usable
     * capacity it opens and closes with and what fails, retires and arrives in between.
     */
    public List<SupplyMonth> byMonth() {
        List<SupplyMonth> months = new ArrayList<>();
        double opening = installed;
        int first = 0;
        while (first < days()) {
            YearMonth month = YearMonth.from(start.plusDays(first));
            int last = (int) Math.min(days() - 1, ChronoUnit.DAYS.between(start, month.atEndOfMonth()));
            double before = first == 0 ? 0 : failed[first - 1];
            double retiredBefore = first == 0 ? 0 : retired[first - 1];
            double arrivedBefore = first == 0 ? 0 : arriving[first - 1];
            months.add(new SupplyMonth(
                    month,
                    opening,
                    failed[last] - before,
                    retired[last] - retiredBefore,
                    arriving[last] - arrivedBefore,
                    mean(last)));
            opening = mean(last);
            first = last + 1;
        }
        return months;
    }

    /** This path with {@code amount} more capacity from day {@code from} on (a what-if or an order). */
    public SupplyPath plus(int from, double amount) {
        double[] more = arriving.clone();
        for (int day = Math.max(0, from); day < more.length; day++) {
            more[day] += amount;
        }
        return new SupplyPath(cluster, resource, start, installed, failed, retired, more, variance);
    }
}
