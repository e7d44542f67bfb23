package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.capacity.CapacityPlanDocument.Entry;
import io.fleetcast.store.capacity.PathDay;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/capacity/path}: one cluster and resource's daily path in a stored capacity plan, from the day after
 * the plan's {@code as_of} to the end of its horizon, in {@code unit}.
 *
 * @param planVersion the stored plan
 * @param cluster the cluster
 * @param resource {@code cpu}, {@code memory} or {@code storage}
 * @param unit the unit of every amount: {@code cores}, {@code GiB} or {@code TB}
 * @param days one per day; empty when the plan has no demand forecast for the resource
 */
public record CapacityPathView(int planVersion, String cluster, String resource, String unit, List<DayView> days) {
    public CapacityPathView {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
        days = ImmutableList.copyOf(days);
    }

    static CapacityPathView of(int version, Entry entry, List<PathDay> days) {
        return new CapacityPathView(
                version,
                entry.cluster(),
                entry.resource(),
                entry.unit(),
                days.stream().map(DayView::of).toList());
    }

    /**
     * One day.
     *
     * @param demandP50 the median demand forecast
     * @param demandP90 its 90% quantile
     * @param demandP99 its 99% quantile
     * @param supply the usable supply: servers in service less expected failures and retirements, plus open orders
     *     from their median arrival day
     * @param supplySd the standard deviation of the usable supply
     */
    public record DayView(
            LocalDate day, double demandP50, double demandP90, double demandP99, double supply, double supplySd) {
        public DayView {
            requireNonNull(day, "day is null");
        }

        static DayView of(PathDay day) {
            return new DayView(
                    day.day(), day.demandP50(), day.demandP90(), day.demandP99(), day.supply(), day.supplySd());
        }
    }
}
