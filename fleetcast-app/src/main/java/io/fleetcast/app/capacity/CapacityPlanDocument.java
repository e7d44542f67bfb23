package io.fleetcast.app.capacity;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.JsonDocuments;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.capacity.CloudCapacity;
import io.fleetcast.planning.capacity.ClusterPlan;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.capacity.OrderRecommendation;
import io.fleetcast.planning.capacity.ResourcePlan;
import io.fleetcast.planning.headroom.HeadroomSizing;
import io.fleetcast.planning.supply.SupplyPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The capacity plan as users read it ({@code fleetcast plan --json}, {@code /api/capacity}, stored plan versions):
 * one entry per cluster and resource, dates as ISO {@code YYYY-MM-DD}, {@code null} where a cluster does not run out
 * inside the horizon. Amounts are in each entry's {@code unit}; money in USD. The allocation ({@link
 * AllocationService}) and utilization ({@link UtilizationService}) sections hold those services' rows; they are kept
 * as plain objects so a stored plan reads back as the same JSON. {@code utilizationBySku} is null in plans stored
 * before it was added (2026-12-07).
 */
public record CapacityPlanDocument(
        String asOf,
        int horizonDays,
        double serviceLevel,
        @Nullable Integer planVersion,
        @Nullable Integer demandPlanVersion,
        List<Entry> clusters,
        List<Object> allocations,
        List<Object> allocationPools,
        @Nullable List<AllocationService.Change> allocationChanges,
        List<Object> utilization,
        List<Object> stranded,
        List<Object> rightsizing,
        @Nullable List<Object> utilizationBySku,
        Map<String, String> lifeFits,
        List<String> whatIf,
        List<String> notes) {
    /**
     * How the note of a short resource whose shortfall the cluster's orders for other resources hold begins, before
     * those resources' codes.
     */
    public static final String COVERED_BY = "covered by the orders for ";

    /**
     * One cluster and resource. {@code reserved} and {@code onDemand} split a cluster's cloud instances by how they
     * are bought; they are null for a cluster of owned servers only. With owned servers beside them, {@code supply}
     * counts the reserved instances and not those on demand. {@code supplyByMonth} is the usable supply month by month
     * over the horizon; it is null in plans stored before it was added (2026-12-07).
     */
    public record Entry(
            String cluster,
            String site,
            String region,
            String resource,
            String unit,
            boolean elastic,
            double supply,
            @Nullable Double reserved,
            @Nullable Double onDemand,
            double supplyAtEnd,
            double demandP50,
            double demandP50AtEnd,
            double demandP90AtEnd,
            double demandP99AtEnd,
            @Nullable String exhaustionP50,
            @Nullable String exhaustionP90,
            @Nullable String exhaustionP99,
            @Nullable String needBy,
            double shortfall,
            double failuresExpected,
            double retiring,
            double arriving,
            @Nullable List<SupplyMonthRow> supplyByMonth,
            String demandModel,
            List<String> launches,
            Headroom headroom,
            List<Order> orders,
            List<String> notes) {}

    /**
     * One calendar month of a cluster's usable supply of one resource over the horizon (the first and last months only
     * in part), in the entry's unit: {@code closing = opening − failing − retiring + arriving}.
     *
     * @param month {@code YYYY-MM}
     * @param opening usable the day before its first day in the horizon (the first month: in service on the data's
     *     last day)
     * @param failing expected to fail in it
     * @param retiring retiring by plan in it
     * @param arriving arriving on open orders in it (at their median day)
     * @param closing usable on its last day in the horizon
     */
    public record SupplyMonthRow(
            String month, double opening, double failing, double retiring, double arriving, double closing) {}

    /**
     * The buffer held above P50 demand, and what it is made of ({@link io.fleetcast.planning.headroom.HeadroomSizer}).
     *
     * @param total the buffer: the sum of the counted components
     * @param leadTimeDays the lead time it was sized over
     * @param supplyNeeded the capacity needed at the end of the lead time: P50 demand there plus the buffer
     * @param flatRule the same buffer by a flat percentage of P50 demand, for comparison
     * @param backtestErrors the cluster's own relative forecast errors {@code leadTimeDays} ahead, newest origin first,
     *     origins it could not use left out; null in plans stored before 2026-12-07 and where nothing was sized
     */
    public record Headroom(
            double total,
            String unit,
            int leadTimeDays,
            double supplyNeeded,
            List<Component> components,
            @Nullable FlatRule flatRule,
            List<String> notes,
            @Nullable List<Double> backtestErrors) {}

    /** One part of the headroom; {@code counted} false for the stand-alone statistical amounts shown for reference. */
    public record Component(String name, double amount, boolean counted, String explanation) {}

    /** A flat-percentage buffer and how it compares with the sized one. */
    public record FlatRule(double fraction, double buffer, double difference, String larger) {}

    /** A recommended order. */
    public record Order(
            String sku,
            long quantity,
            String site,
            String cluster,
            String orderBy,
            String needBy,
            int leadTimeDays,
            boolean late,
            double cost,
            String currency,
            String bindingResource,
            List<String> why) {}

    /**
     * The document of {@code result}, with the allocation and utilization sections as given; {@code allocationChanges}
     * lists the requests an {@code --extra-capacity} what-if changes (null without one).
     */
    public static CapacityPlanDocument of(
            CapacityPlanService.Result result,
            AllocationService.Result allocation,
            @Nullable List<AllocationService.Change> allocationChanges,
            @Nullable UtilizationReport utilization) {
        ImmutableList.Builder<Entry> entries = ImmutableList.builder();
        for (CapacityPlanService.ClusterResult cluster : result.clusters()) {
            ClusterPlan plan = cluster.plan();
            for (ResourcePlan resource : plan.resources()) {
                DemandForecast demand = cluster.demand().get(resource.resource());
                List<OrderRecommendation> orders = plan.orders().stream()
                        .filter(recommendation -> recommendation.binding() == resource.resource())
                        .toList();
                List<String> covering = plan.orders().stream()
                        .map(recommendation -> recommendation.binding().code())
                        .distinct()
                        .toList();
                ImmutableList<String> notes = ImmutableList.<String>builder()
                        .addAll(plan.notes())
                        .addAll(
                                !plan.orders().isEmpty() && orders.isEmpty() && resource.shortfall() > 0
                                        ? List.of(COVERED_BY + String.join(" and ", covering))
                                        : List.of())
                        .build();
                int last = demand == null ? 0 : demand.days() - 1;
                CloudCapacity cloud = cluster.cloud().get(resource.resource());
                entries.add(new Entry(
                        plan.cluster(),
                        plan.site(),
                        plan.region(),
                        resource.resource().code(),
                        resource.unit(),
                        plan.elastic(),
                        round(resource.supply()),
                        cloud == null ? null : round(cloud.reserved()),
                        cloud == null ? null : round(cloud.onDemand()),
                        round(resource.supplyAtEnd()),
                        round(resource.demandP50()),
                        round(resource.demandP50AtEnd()),
                        demand == null ? 0 : round(demand.quantile(0.9, last)),
                        demand == null ? 0 : round(demand.quantile(0.99, last)),
                        date(resource.exhaustionP50()),
                        date(resource.exhaustionP90()),
                        date(resource.exhaustionP99()),
                        date(resource.needBy()),
                        round(resource.shortfall()),
                        round(resource.failuresExpected()),
                        round(resource.retiring()),
                        round(resource.arriving()),
                        supplyByMonth(cluster.supply().get(resource.resource())),
                        demand == null ? "none" : demand.model(),
                        demand == null ? ImmutableList.of() : demand.launches(),
                        headroom(
                                resource,
                                cluster.headroom().get(resource.resource()),
                                cluster.backtestErrors().get(resource.resource())),
                        orders.stream().map(CapacityPlanDocument::order).collect(ImmutableList.toImmutableList()),
                        notes));
            }
        }
        return new CapacityPlanDocument(
                result.asOf().toString(),
                result.horizonDays(),
                result.serviceLevel(),
                null,
                result.demandPlanVersion().orElse(null),
                entries.build(),
                ImmutableList.copyOf(allocation.allocations()),
                ImmutableList.copyOf(allocation.pools()),
                allocationChanges == null ? null : ImmutableList.copyOf(allocationChanges),
                utilization == null ? List.of() : ImmutableList.copyOf(utilization.utilization()),
                utilization == null ? List.of() : ImmutableList.copyOf(utilization.stranded()),
                utilization == null ? List.of() : ImmutableList.copyOf(utilization.rightsizing()),
                utilization == null ? List.of() : ImmutableList.copyOf(utilization.skuUtilization()),
                result.lifeFits(),
                result.whatIf(),
                result.notes());
    }

    /** This document as JSON text, as stored with a plan version. */
    public String toJson() {
        return JsonDocuments.write(this, "the capacity plan");
    }

    /** A stored document. */
    static CapacityPlanDocument parse(String json) {
        return JsonDocuments.read(json, CapacityPlanDocument.class, "a stored capacity plan");
    }

    /** This document with its stored version. */
    public CapacityPlanDocument withVersion(int version) {
        return new CapacityPlanDocument(
                asOf,
                horizonDays,
                serviceLevel,
                version,
                demandPlanVersion,
                clusters,
                allocations,
                allocationPools,
                allocationChanges,
                utilization,
                stranded,
                rightsizing,
                utilizationBySku,
                lifeFits,
                whatIf,
                notes);
    }

    private static Headroom headroom(
            ResourcePlan resource, @Nullable HeadroomSizing sizing, @Nullable List<Double> backtestErrors) {
        if (sizing == null) {
            return new Headroom(
                    round(resource.headroom()),
                    resource.unit(),
                    0,
                    0,
                    List.of(),
                    null,
                    List.of("not sized: a cloud cluster, or no demand history to backtest"),
                    null);
        }
        return new Headroom(
                round(sizing.totalBuffer()),
                sizing.unit(),
                sizing.leadTimeDays(),
                round(sizing.supplyNeeded()),
                sizing.components().stream()
                        .map(part ->
                                new Component(part.name(), round(part.amount()), part.counted(), part.explanation()))
                        .collect(ImmutableList.toImmutableList()),
                new FlatRule(
                        sizing.flatRule().fraction(),
                        round(sizing.flatRule().buffer()),
                        round(sizing.flatRule().difference()),
                        sizing.flatRule().larger()),
                sizing.notes(),
                backtestErrors == null
                        ? null
                        : backtestErrors.stream()
                                .map(error -> Math.round(error * 1e6) / 1e6)
                                .collect(ImmutableList.toImmutableList()));
    }

    private static Order order(OrderRecommendation order) {
        return new Order(
                order.sku(),
                order.quantity(),
                order.site(),
                order.cluster(),
                order.orderBy().toString(),
                order.needBy().toString(),
                order.leadTimeDays(),
                order.late(),
                round(order.costUsd()),
                "USD",
                order.binding().code(),
                order.why());
    }

    private static @Nullable String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    private static List<SupplyMonthRow> supplyByMonth(@Nullable SupplyPath supply) {
        if (supply == null) {
            return List.of();
        }
        return supply.byMonth().stream()
                .map(month -> new SupplyMonthRow(
                        month.month().toString(),
                        round(month.opening()),
                        round(month.failing()),
                        round(month.retiring()),
                        round(month.arriving()),
                        round(month.closing())))
                .toList();
    }

    /**
     * {@code value} to the thousandth, as plans store their figures.
     *
     * @throws FleetcastException {@code INTERNAL} for NaN or an infinity: a plan that computes one has a defect, and
     *     storing it as a number (rounding makes NaN 0) would pass it off as a real figure
     */
    static double round(double value) {
        if (!Double.isFinite(value)) {
            throw FleetcastException.internal(
                    "a capacity plan figure came out " + value + "; plans store finite numbers only", null);
        }
        return Math.round(value * 1000) / 1000.0;
    }

    /** The resource of an entry. */
    static Resource resource(Entry entry) {
        return Resource.parse(entry.resource()).orElseThrow();
    }
}
