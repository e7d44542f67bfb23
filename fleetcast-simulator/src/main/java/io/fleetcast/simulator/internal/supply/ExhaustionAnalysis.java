package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When an owned cluster runs out if nothing more is ordered. For each day u after the end of the history, up to the
 * planning horizon:
 *
 * <pre>
 *   usable(u) = Σ over servers in service at the end, not retiring by u:  capacity × S(age at u) / S(age at end)
 *             + Σ over orders open at the end and promised by u:        quantity × capacity
 * </pre>
 *
 * where S is the server's Weibull survival function (so expected failures are subtracted, without replacement) and
 * overdue open orders count from the day after the end. The cluster runs out of a resource on the first day its
 * expected used demand (noise-free, with known events and launches) exceeds {@code usable(u)}.
 */
final class ExhaustionAnalysis {
    private final Timeline timeline;
    private final DemandModel demand;
    /** Survival by whole days of age, per life distribution; the same lives recur in every cluster and run. */
    private final Map<WeibullLife, double[]> survivalByAge = new HashMap<>();

    ExhaustionAnalysis(Timeline timeline, DemandModel demand) {
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.demand = requireNonNull(demand, "demand is null");
    }

    /** Usable capacity of {@code resource} on each day after the end, index 0 being the day after the end. */
    EnumMap<Resource, double[]> usable(ClusterSupply supply) {
        int end = timeline.lastDay();
        int days = Timeline.HORIZON_DAYS;
        // Servers that entered service on the same day with the same SKU and life share their survival curve.
        Map<Cohort, Integer> cohorts = new LinkedHashMap<>();
        for (Asset asset : supply.assets()) {
            if (asset.inServiceOn(end)) {
                WeibullLife life = Objects.requireNonNull(asset.life(), "owned asset without life");
                cohorts.merge(new Cohort(asset.sku(), asset.installDay(), asset.retireDay(), life), 1, Integer::sum);
            }
        }
        double[][] values = new double[3][days];
        for (Map.Entry<Cohort, Integer> entry : cohorts.entrySet()) {
            Cohort cohort = entry.getKey();
            int count = entry.getValue();
            int ageAtEnd = end - cohort.installDay();
            double[] survival = survival(cohort.life(), ageAtEnd + days);
            double aliveAtEnd = survival[ageAtEnd];
            for (int i = 0; i < days; i++) {
                int day = end + 1 + i;
                if (cohort.retireDay() <= day || aliveAtEnd <= 0) {
                    break;
                }
                double surviving = count * survival[ageAtEnd + 1 + i] / aliveAtEnd;
                for (Resource resource : Resource.values()) {
                    values[slot(resource)][i] += surviving * cohort.sku().capacity(resource);
                }
            }
        }
        for (PurchaseOrder order : supply.orders()) {
            if (!order.status(end).equals("open")) {
                continue;
            }
            int from = Math.max(order.promisedDay(), end + 1) - (end + 1);
            for (int i = from; i < days; i++) {
                for (Resource resource : Resource.values()) {
                    values[slot(resource)][i] += order.quantity() * order.sku().capacity(resource);
                }
            }
        }
        EnumMap<Resource, double[]> usable = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            usable.put(resource, values[slot(resource)]);
        }
        return usable;
    }

    /** The resources {@code supply}'s cluster runs out of within the planning horizon, earliest first per resource. */
    List<Exhaustion> analyse(ClusterSupply supply, boolean designed) {
        return analyse(supply, designed, 1);
    }

    /** As {@link #analyse(ClusterSupply, boolean)}, with expected demand multiplied by {@code scale}. */
    private List<Exhaustion> analyse(ClusterSupply supply, boolean designed, double scale) {
        EnumMap<Resource, double[]> usable = usable(supply);
        int end = timeline.lastDay();
        int cluster = supply.cluster().index();
        List<Exhaustion> found = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            double[] capacity = Objects.requireNonNull(usable.get(resource), "usable capacity missing");
            for (int i = 0; i < capacity.length; i++) {
                int day = end + 1 + i;
                double expected = scale * demand.clusterExpected(cluster, resource, day);
                if (expected > capacity[i] && expected > 0) {
                    found.add(new Exhaustion(
                            supply.cluster(),
                            resource,
                            day,
                            capacity[0],
                            demand.clusterExpected(cluster, resource, end),
                            capacity[i],
                            demand.clusterExpected(cluster, resource, day),
                            designed));
                    break;
                }
            }
        }
        return found;
    }

    /** The earliest day any resource runs out, or {@link PurchaseOrder#NEVER}. */
    int firstExhaustionDay(ClusterSupply supply) {
        return firstExhaustionDay(supply, 1);
    }

    private int firstExhaustionDay(ClusterSupply supply, double scale) {
        int first = PurchaseOrder.NEVER;
        for (Exhaustion exhaustion : analyse(supply, false, scale)) {
            first = Math.min(first, exhaustion.day());
        }
        return first;
    }

    /**
     * Whether the cluster's first exhaustion day is well determined: with expected demand {@code margin} lower or
     * higher, it moves by at most {@code tolerance} days (a day past the planning horizon counting as the day after
     * it). A day set by a one-day event peak that barely touches capacity is not; a forecast 1% off would move it by
     * months.
     */
    boolean wellDetermined(ClusterSupply supply, double margin, int tolerance) {
        int day = withinHorizon(firstExhaustionDay(supply, 1));
        return Math.abs(withinHorizon(firstExhaustionDay(supply, 1 - margin)) - day) <= tolerance
                && Math.abs(withinHorizon(firstExhaustionDay(supply, 1 + margin)) - day) <= tolerance;
    }

    private int withinHorizon(int day) {
        return Math.min(day, timeline.horizonEndDay() + 1);
    }

    /**
     * Whether expected demand stayed within installed capacity over the whole history (with 3% to spare), as a real
     * cluster's must have.
     */
    boolean fitsHistory(ClusterSupply supply) {
        int first = timeline.firstDay();
        int end = timeline.lastDay();
        int length = end - first + 2;
        for (Resource resource : Resource.values()) {
            double[] change = new double[length];
            double before = 0;
            for (Asset asset : supply.assets()) {
                double capacity = asset.sku().capacity(resource);
                int from = asset.installDay();
                int to = asset.leaveDay();
                if (to <= first || from > end) {
                    continue;
                }
                if (from <= first) {
                    before += capacity;
                } else {
                    change[from - first] += capacity;
                }
                if (to <= end) {
                    change[to - first] -= capacity;
                }
            }
            double installed = before;
            for (int day = first; day <= end; day++) {
                installed += change[day - first];
                double expected = demand.clusterExpected(supply.cluster().index(), resource, day);
                if (expected > installed * 0.97) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code S(age)} for ages 0 to at least {@code maxAge} days. */
    private double[] survival(WeibullLife life, int maxAge) {
        double[] known = survivalByAge.get(life);
        if (known != null && known.length > maxAge) {
            return known;
        }
        double[] table = new double[Math.max(maxAge + 1, 4000)];
        for (int age = 0; age < table.length; age++) {
            table[age] = life.survival(age);
        }
        survivalByAge.put(life, table);
        return table;
    }

    private static int slot(Resource resource) {
        return switch (resource) {
            case CPU -> 0;
            case MEMORY -> 1;
            case STORAGE -> 2;
        };
    }

    /** Servers sharing a survival curve. */
    private record Cohort(Sku sku, int installDay, int retireDay, WeibullLife life) {}
}
