package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanDocument.Entry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/capacity}: a stored capacity plan, as {@code fleetcast plan --json} prints it, narrowed to a region,
 * site or cluster. Amounts are in each entry's {@code unit} (cores, GiB or TB), money in USD, dates ISO.
 *
 * @param planVersion the stored version shown
 * @param asOf the data's last day; the plan starts the day after
 * @param horizonDays the days planned
 * @param serviceLevel the target chance that demand stays within usable supply
 * @param demandPlanVersion the newest forecast plan version when the plan was made, or {@code null}
 * @param scope the part of the plan shown
 * @param clusters one entry per cluster and resource in the scope, in the plan's order (by cluster, then resource)
 * @param allocations the plan's allocation section: one row per request in the scope
 * @param allocationPools the allocation per cluster and resource in the scope
 * @param utilization the plan's utilization section: one row per service, cluster and resource in the scope
 * @param stranded capacity stranded beside an exhausted resource, per cluster in the scope
 * @param rightsizing allocations to shrink in the scope, with their savings
 * @param utilizationBySku per cluster in the scope, SKU and resource: the SKU's part of the cluster's supply, use and
 *     allocation; {@code null} for a plan stored before it was added (2026-12-07)
 * @param lifeFits the life distribution the supply forecast used per SKU
 * @param whatIf the what-if changes the plan was made with; empty for a plain plan
 * @param notes the plan's caveats
 */
public record CapacityView(
        int planVersion,
        String asOf,
        int horizonDays,
        double serviceLevel,
        @Nullable Integer demandPlanVersion,
        CapacityScope scope,
        List<Entry> clusters,
        List<Object> allocations,
        List<Object> allocationPools,
        List<Object> utilization,
        List<Object> stranded,
        List<Object> rightsizing,
        @Nullable List<Object> utilizationBySku,
        Map<String, String> lifeFits,
        List<String> whatIf,
        List<String> notes) {
    public CapacityView {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(scope, "scope is null");
        clusters = ImmutableList.copyOf(clusters);
        allocations = List.copyOf(allocations);
        allocationPools = List.copyOf(allocationPools);
        utilization = List.copyOf(utilization);
        stranded = List.copyOf(stranded);
        rightsizing = List.copyOf(rightsizing);
        utilizationBySku = utilizationBySku == null ? null : List.copyOf(utilizationBySku);
        lifeFits = ImmutableMap.copyOf(lifeFits);
        whatIf = ImmutableList.copyOf(whatIf);
        notes = ImmutableList.copyOf(notes);
    }

    static CapacityView of(CapacityPlanDocument plan, CapacityScope scope) {
        Map<String, Entry> places = CapacityScope.places(plan);
        Function<List<Object>, List<Object>> narrow = rows -> rows.stream()
                .filter(row -> scope.containsRow(fields(row), places))
                .toList();
        @Nullable List<Object> bySku = plan.utilizationBySku();
        return new CapacityView(
                CapacityPlans.version(plan),
                plan.asOf(),
                plan.horizonDays(),
                plan.serviceLevel(),
                plan.demandPlanVersion(),
                scope,
                plan.clusters().stream().filter(scope::contains).toList(),
                narrow.apply(plan.allocations()),
                narrow.apply(plan.allocationPools()),
                narrow.apply(plan.utilization()),
                narrow.apply(plan.stranded()),
                narrow.apply(plan.rightsizing()),
                bySku == null ? null : narrow.apply(bySku),
                plan.lifeFits(),
                plan.whatIf(),
                plan.notes());
    }

    /** A section row's fields: a stored plan's rows are maps already; a fresh plan's are records. */
    private static Map<?, ?> fields(Object row) {
        return row instanceof Map<?, ?> map ? map : JsonMapping.mapper().convertValue(row, Map.class);
    }
}
