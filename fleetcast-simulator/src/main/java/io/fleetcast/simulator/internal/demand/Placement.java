package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One service running in one cluster: its demand level, its noise-free expected used demand of each resource on every
 * simulated day, and its allocation (reserved capacity, changing in steps) from the first day of the history to the
 * end of the current quarter. Built by {@link DemandModel}; read-only afterwards.
 */
public final class Placement {
    private final int index;
    private final ServiceDemand demand;
    private final Cluster cluster;
    private final Timeline timeline;
    private final int startDay;
    private final int rampDays;
    private final double extraGrowthPerYear;
    private double level;
    private final EnumMap<Resource, float[]> expected = new EnumMap<>(Resource.class);
    private final EnumMap<Resource, float[]> allocated = new EnumMap<>(Resource.class);
    private final List<Launch> launches = new ArrayList<>();

    Placement(
            int index,
            ServiceDemand demand,
            Cluster cluster,
            Timeline timeline,
            int startDay,
            int rampDays,
            double extraGrowthPerYear) {
        this.index = index;
        this.demand = requireNonNull(demand, "demand is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.startDay = startDay;
        this.rampDays = rampDays;
        this.extraGrowthPerYear = extraGrowthPerYear;
    }

    /** Position in {@link DemandModel#placements()}. */
    public int index() {
        return index;
    }

    public Service service() {
        return demand.service();
    }

    public Cluster cluster() {
        return cluster;
    }

    /** First epoch day with demand (it ramps up linearly from here). */
    public int startDay() {
        return startDay;
    }

    /** The driver this placement's service follows, if any. */
    public @Nullable DriverBinding binding() {
        return demand.binding();
    }

    /** Noise-free expected used {@code resource} on {@code day}, in its canonical unit; 0 before the start. */
    public double expected(Resource resource, int day) {
        return expectedArray(resource)[timeline.index(day)];
    }

    /**
     * Allocated {@code resource} on {@code day}, for days from the first day of the history to the end of the current
     * quarter; 0 before the start.
     */
    public double allocated(Resource resource, int day) {
        float[] values = allocated.get(resource);
        if (values == null) {
            throw new IllegalStateException("allocation of " + resource + " not computed");
        }
        return values[day - timeline.firstDay()];
    }

    /** Launch steps of this placement, in start order. */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** The sum of launch steps of {@code resource} in effect on {@code day}. */
    public double steps(Resource resource, int day) {
        double sum = 0;
        for (Launch launch : launches) {
            if (launch.resource() == resource && launch.startDay() <= day) {
                sum += launch.step();
            }
        }
        return sum;
    }

    ServiceDemand demand() {
        return demand;
    }

    double extraGrowthPerYear() {
        return extraGrowthPerYear;
    }

    double level() {
        return level;
    }

    void setLevel(double level) {
        this.level = level;
    }

    /** Linear ramp-up from the start day: 0 before, 1 after {@code rampDays}. */
    double ramp(int day) {
        if (day < startDay) {
            return 0;
        }
        return Math.min(1.0, (day - startDay + 1) / (double) rampDays);
    }

    float[] expectedArray(Resource resource) {
        float[] values = expected.get(resource);
        if (values == null) {
            throw new IllegalStateException("expected demand of " + resource + " not computed");
        }
        return values;
    }

    void setExpected(Resource resource, float[] values) {
        expected.put(resource, values);
    }

    void setAllocated(Resource resource, float[] values) {
        allocated.put(resource, values);
    }

    void addLaunch(Launch launch) {
        launches.add(launch);
    }
}
