package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.List;

/**
 * A cluster's forecast daily used demand of one resource, at three quantiles, in the resource's canonical unit.
 * Day 0 is {@link #start()}.
 */
public final class DemandForecast {
    private final String cluster;
    private final Resource resource;
    private final LocalDate start;
    private final double[] p50;
    private final double[] p90;
    private final double[] p99;
    private final String model;
    private final ImmutableList<String> launches;

    /**
     * A forecast from its quantile paths (one value per day from {@code start}).
     *
     * @param model the method that made it, for people
     * @param launches the planned launches it includes, for people
     */
    public DemandForecast(
            String cluster,
            Resource resource,
            LocalDate start,
            double[] p50,
            double[] p90,
            double[] p99,
            String model,
            List<String> launches) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.resource = requireNonNull(resource, "resource is null");
        this.start = requireNonNull(start, "start is null");
        this.p50 = p50;
        this.p90 = p90;
        this.p99 = p99;
        this.model = requireNonNull(model, "model is null");
        this.launches = ImmutableList.copyOf(launches);
        if (p90.length != p50.length || p99.length != p50.length) {
            throw new IllegalArgumentException("the quantile paths differ in length");
        }
        // A day that is not a number would never cross supply: the cluster would look safe.
        for (int day = 0; day < p50.length; day++) {
            if (!Double.isFinite(p50[day]) || !Double.isFinite(p90[day]) || !Double.isFinite(p99[day])) {
                throw new IllegalArgumentException(
                        "the %s demand forecast of cluster %s is not a number on %s (P50 %s, P90 %s, P99 %s)"
                                .formatted(
                                        resource.code(), cluster, start.plusDays(day), p50[day], p90[day], p99[day]));
            }
        }
    }

    public String cluster() {
        return cluster;
    }

    public Resource resource() {
        return resource;
    }

    public LocalDate start() {
        return start;
    }

    public int days() {
        return p50.length;
    }

    /** The demand at quantile {@code level} (0.5, 0.9 or 0.99) on day {@code day}. */
    public double quantile(double level, int day) {
        if (level == 0.5) {
            return p50[day];
        }
        if (level == 0.9) {
            return p90[day];
        }
        if (level == 0.99) {
            return p99[day];
        }
        throw new IllegalArgumentException("demand quantiles are 0.5, 0.9 and 0.99, not " + level);
    }

    public double p50(int day) {
        return p50[day];
    }

    /** The method that forecast it. */
    public String model() {
        return model;
    }

    /** The planned launches (step adjustments) it includes, for people. */
    public ImmutableList<String> launches() {
        return launches;
    }

    /** This demand times {@code factor} (a what-if). */
    public DemandForecast scaled(double factor) {
        return new DemandForecast(
                cluster, resource, start, times(p50, factor), times(p90, factor), times(p99, factor), model, launches);
    }

    private static double[] times(double[] values, double factor) {
        double[] scaled = values.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return scaled;
    }
}
