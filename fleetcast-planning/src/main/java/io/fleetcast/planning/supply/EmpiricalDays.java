package io.fleetcast.planning.supply;

import java.util.Arrays;

/** An empirical distribution of whole days (lead times or slips), from the observed values. */
public final class EmpiricalDays {
    private final int[] sorted;

    private EmpiricalDays(int[] sorted) {
        this.sorted = sorted;
    }

    /**
     * The distribution of {@code days}.
     *
     * @throws IllegalArgumentException if there are none
     */
    public static EmpiricalDays of(int... days) {
        if (days.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        int[] sorted = days.clone();
        Arrays.sort(sorted);
        return new EmpiricalDays(sorted);
    }

    /** How many observations. */
    public int count() {
        return sorted.length;
    }

    /** The smallest day {@code d} with {@code P(X ≤ d) ≥ p} (nearest rank), for {@code 0 < p ≤ 1}. */
    public int quantile(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], got " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length - 1e-9);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The mean, in days. */
    public double mean() {
        double sum = 0;
        for (int day : sorted) {
            sum += day;
        }
        return sum / sorted.length;
    }

    /** The sample standard deviation, in days; 0 for one observation. */
    public double standardDeviation() {
        if (sorted.length < 2) {
            return 0;
        }
        double mean = mean();
        double sum = 0;
        for (int day : sorted) {
            sum += (day - mean) * (day - mean);
        }
        return Math.sqrt(sum / (sorted.length - 1));
    }

    /** {@code P(X ≤ day)}. */
    public double cumulative(int day) {
        return (double) countAtMost(day) / sorted.length;
    }

    /**
     * {@code P(X ≤ day | X > after)}: for an order not delivered {@code after} days past its promise, the chance it is
     * delivered {@code day} days past it. When no observation exceeds {@code after}, the history says nothing and the
     * answer is 1 (the order is taken as arriving at once).
     */
    public double cumulativeGiven(int day, int after) {
        int beyond = sorted.length - countAtMost(after);
        if (beyond == 0) {
            return day > after ? 1 : 0;
        }
        return Math.max(0, countAtMost(day) - countAtMost(after)) / (double) beyond;
    }

    private int countAtMost(int day) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
