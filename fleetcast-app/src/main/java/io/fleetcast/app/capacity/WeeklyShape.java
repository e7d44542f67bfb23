package io.fleetcast.app.capacity;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.Arrays;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a series' week, by calendar weekday: each day's log ratio to the centred 7-day mean around it (which
 * takes out its trend and level), averaged over its last {@value #WEEKS} weeks, with the standard error of each mean
 * (from one noise variance pooled over the weekdays). Services of one kind share a week (batch jobs busier at weekends,
 * caches and user-facing services quieter), and a kind tends to grow alike: a service too new to show its own growth is
 * most like the established ones whose week its own is. Immutable.
 */
final class WeeklyShape {
    /** Weeks of the series' end measured. */
    static final int WEEKS = 8;

    /** Fewer weeks than this measure no shape. */
    static final int MIN_WEEKS = 2;

    /** A standard error below this (a flat series) counts as this, so equal flat weeks are alike. */
    private static final double VARIANCE_FLOOR = 1e-8;

    /** {@link #alikeWithin} by the number of resources measured. */
    private static final double[] ALIKE_WITHIN = new double[Resource.values().length + 1];

    static {
        for (int resources = 1; resources < ALIKE_WITHIN.length; resources++) {
            ALIKE_WITHIN[resources] = new ChiSquaredDistribution(7.0 * resources).inverseCumulativeProbability(0.999);
        }
    }

    private final double[] mean;
    private final double[] variance;

    private WeeklyShape(double[] mean, double[] variance) {
        this.mean = mean;
        this.variance = variance;
    }

    /** Each weekday's mean log ratio to its week, Monday first; not to be changed. */
    double[] mean() {
        return mean;
    }

    /**
     * The shape of the last {@value #WEEKS} weeks of {@code used} (oldest first, starting on {@code first}), or null
     * with fewer than {@value #MIN_WEEKS} weeks of positive amounts there.
     */
    static @Nullable WeeklyShape of(double[] used, LocalDate first) {
        int end = used.length - 3;
        int start = Math.max(3, end - 7 * WEEKS);
        int days = end - start;
        if (days < 7 * MIN_WEEKS) {
            return null;
        }
        for (int t = start - 3; t < end + 3; t++) {
            if (!(used[t] > 0)) {
                return null;
            }
        }
        double[] sum = new double[7];
        double[] squares = new double[7];
        int[] count = new int[7];
        for (int t = start; t < end; t++) {
            double week = 0;
            for (int k = -3; k <= 3; k++) {
                week += used[t + k];
            }
            double ratio = Math.log(used[t] * 7 / week);
            int weekday = first.plusDays(t).getDayOfWeek().getValue() - 1;
            sum[weekday] += ratio;
            squares[weekday] += ratio * ratio;
            count[weekday]++;
        }
        // One noise variance for all weekdays, pooled over their spreads about their means.
        double[] mean = new double[7];
        double squared = 0;
        int freedom = 0;
        for (int d = 0; d < 7; d++) {
            mean[d] = sum[d] / count[d];
            squared += squares[d] - count[d] * mean[d] * mean[d];
            freedom += count[d] - 1;
        }
        double noise = Math.max(squared, 0) / freedom;
        double[] variance = new double[7];
        for (int d = 0; d < 7; d++) {
            variance[d] = noise / count[d] + VARIANCE_FLOOR;
        }
        return new WeeklyShape(mean, variance);
    }

    /**
     * The squared distance between two measured weeks in units of their standard errors: about χ² with 7 degrees of
     * freedom where both are one shape measured twice (mean 7.2 over 2,000 pairs of AR(1) series, φ = 0.7, whose tail
     * is a little heavier: 1.0% beyond its 99.9% point).
     */
    double distance(WeeklyShape other) {
        double squares = 0;
        for (int d = 0; d < 7; d++) {
            double difference = mean[d] - other.mean[d];
            squares += difference * difference / (variance[d] + other.variance[d]);
        }
        return squares;
    }

    /**
     * The distance within which weeks measured over {@code resources} resources count as one shape: the 99.9% point of
     * χ² with 7 degrees of freedom a resource.
     */
    static double alikeWithin(int resources) {
        return ALIKE_WITHIN[resources];
    }

    @Override
    public String toString() {
        return "WeeklyShape" + Arrays.toString(mean);
    }
}
