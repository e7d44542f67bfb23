package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.capacity.UtilizationReport.ClusterRates;
import io.fleetcast.app.capacity.UtilizationReport.ClusterRow;
import io.fleetcast.app.capacity.UtilizationReport.RightsizingRow;
import io.fleetcast.app.capacity.UtilizationReport.ServiceRow;
import io.fleetcast.app.capacity.UtilizationReport.SkuRow;
import io.fleetcast.app.capacity.UtilizationReport.StrandedRow;
import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.utilization.ClusterLoad;
import io.fleetcast.planning.utilization.Percentiles;
import io.fleetcast.planning.utilization.Rightsizing;
import io.fleetcast.planning.utilization.ServiceAssessment;
import io.fleetcast.planning.utilization.ServiceLoad;
import io.fleetcast.planning.utilization.SkuCost;
import io.fleetcast.planning.utilization.StrandedCapacity;
import io.fleetcast.planning.utilization.UnitPricing;
import io.fleetcast.planning.utilization.UnitRates;
import io.fleetcast.planning.utilization.UtilizationAnalysis;
import io.fleetcast.planning.utilization.UtilizationPolicy;
import io.fleetcast.store.UtilizationQueries;
import io.fleetcast.store.fleet.FleetLevel;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.utilization.ClusterUtilization;
import io.fleetcast.store.utilization.DailyPercentiles;
import io.fleetcast.store.utilization.HostShape;
import io.fleetcast.store.utilization.ServiceUtilization;
import io.fleetcast.store.utilization.SkuPrice;
import io.fleetcast.store.utilization.UtilizationFigures;
import io.fleetcast.store.utilization.UtilizationQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Utilization analysis of the stored fleet (issue 5, section 5): used against allocated against supply at P50, P95
 * and max per service, cluster and SKU (each cluster's SKUs taking its use in proportion to their capacity); idle and
 * under-used services; rightsizing with its monthly saving; and stranded capacity. The store computes the
 * percentiles ({@link UtilizationQueries}); {@link UtilizationAnalysis} judges them; {@link UnitPricing} prices them.
 * Immutable and safe for use from several threads.
 */
public final class UtilizationService {
    /** The default window: the last 90 days of daily usage, which the store keeps statistics of at each load. */
    public static final int DEFAULT_WINDOW_DAYS = UtilizationQueries.RECENT_WINDOW_DAYS;

    /** The longest window: about ten years. */
    public static final int MAX_WINDOW_DAYS = 3660;

    private final UtilizationQueries queries;
    private final UtilizationAnalysis analysis;
    private final UnitPricing pricing;

    /** The service with the default thresholds and unit pricing. */
    public UtilizationService(UtilizationQueries queries) {
        this(queries, UtilizationPolicy.defaults(), UnitPricing.defaults());
    }

    public UtilizationService(UtilizationQueries queries, UtilizationPolicy policy, UnitPricing pricing) {
        this.queries = requireNonNull(queries, "queries is null");
        this.analysis = new UtilizationAnalysis(requireNonNull(policy, "policy is null"));
        this.pricing = requireNonNull(pricing, "pricing is null");
    }

    /**
     * The analysis {@code request} asks for. The window ends on {@code request.to()} (default: the last day of daily
     * usage) and is {@code request.windowDays()} long.
     *
     * @throws UnknownScopeException if no daily usage is loaded, or nothing of the fleet (no servers, no usage) lies
     *     under the requested region, site, cluster or service in the window
     */
    public UtilizationReport analyse(UtilizationRequest request) {
        requireNonNull(request, "request is null");
        LocalDate lastDay = queries.lastUsageDay()
                .orElseThrow(() -> new UnknownScopeException(
                        "no daily usage is loaded yet: load usage first (fleetcast ingest usage FILE...)"));
        LocalDate to = request.to() != null ? request.to() : lastDay;
        LocalDate from = to.minusDays(request.windowDays() - 1L);
        FleetScope scope = request.scope();
        UtilizationFigures figures = queries.utilization(new UtilizationQuery(scope, from, to));
        if (scope.level() != FleetLevel.FLEET
                && figures.services().isEmpty()
                && figures.clusters().isEmpty()) {
            throw new UnknownScopeException("the fleet has no servers and no usage under " + describe(scope)
                    + " between " + from + " and " + to);
        }
        Map<String, UnitRates> rates = clusterRates(figures);
        Map<String, ClusterUtilization> clusterByKey = new HashMap<>();
        figures.clusters().forEach(c -> clusterByKey.put(key(c.cluster(), c.resource()), c));

        ImmutableList.Builder<ServiceRow> serviceRows = ImmutableList.builder();
        List<ServiceLoad> serviceLoads = new ArrayList<>();
        for (ServiceUtilization service : figures.services()) {
            ClusterUtilization cluster = clusterByKey.get(key(service.cluster(), service.resource()));
            if (cluster == null) {
                throw FleetcastException.internal(
                        "the store returned usage of cluster " + service.cluster() + " without the cluster", null);
            }
            ServiceLoad load = new ServiceLoad(
                    service.service(),
                    service.cluster(),
                    service.resource(),
                    percentiles(service.used()),
                    service.allocated() == null ? null : percentiles(service.allocated()),
                    service.allocatedLast());
            serviceLoads.add(load);
            serviceRows.add(serviceRow(service, cluster, analysis.assess(load)));
        }

        ImmutableList.Builder<ClusterRow> clusterRows = ImmutableList.builder();
        List<ClusterLoad> clusterLoads = new ArrayList<>();
        for (ClusterUtilization cluster : figures.clusters()) {
            ClusterLoad load = new ClusterLoad(
                    cluster.cluster(),
                    cluster.resource(),
                    cluster.supply(),
                    cluster.used() == null ? null : percentiles(cluster.used()),
                    cluster.allocated() == null ? null : percentiles(cluster.allocated()));
            clusterLoads.add(load);
            UnitRates clusterRates = rates.get(cluster.cluster());
            clusterRows.add(new ClusterRow(
                    cluster.cluster(),
                    cluster.site(),
                    cluster.region(),
                    cluster.resource().code(),
                    cluster.resource().canonicalUnit(),
                    cluster.supply(),
                    cluster.days(),
                    cluster.used() == null ? null : cluster.used().p50(),
                    cluster.used() == null ? null : cluster.used().p95(),
                    cluster.used() == null ? null : cluster.used().max(),
                    cluster.allocated() == null ? null : cluster.allocated().p50(),
                    cluster.allocated() == null ? null : cluster.allocated().p95(),
                    cluster.allocated() == null ? null : cluster.allocated().max(),
                    load.heldFraction().isPresent() ? load.heldFraction().orElseThrow() : null,
                    clusterRates == null ? null : clusterRates.usdPerUnitMonth(cluster.resource())));
        }

        ImmutableList<SkuRow> skuRows = skuRows(figures);
        ImmutableList<StrandedRow> stranded = analysis.stranded(clusterLoads, rates, skusByCluster(figures)).stream()
                .map(UtilizationService::strandedRow)
                .collect(ImmutableList.toImmutableList());
        ImmutableList<RightsizingRow> rightsizing = analysis.rightsize(serviceLoads, rates).stream()
                .map(UtilizationService::rightsizingRow)
                .collect(ImmutableList.toImmutableList());
        return new UtilizationReport(
                scope,
                from,
                to,
                serviceRows.build(),
                clusterRows.build(),
                skuRows,
                figures.hostShapes(),
                rates.entrySet().stream()
                        .map(e -> new ClusterRates(
                                e.getKey(),
                                e.getValue().usdPerCoreMonth(),
                                e.getValue().usdPerGibMonth(),
                                e.getValue().usdPerTbMonth()))
                        .collect(ImmutableList.toImmutableList()),
                stranded,
                rightsizing,
                stranded.stream()
                        .map(StrandedRow::usdPerMonth)
                        .filter(usd -> usd != null)
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                rightsizing.stream()
                        .map(RightsizingRow::usdPerMonth)
                        .filter(usd -> usd != null)
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                analysis.policy(),
                new UtilizationReport.Pricing(
                        pricing.usdPerKwh(),
                        UnitPricing.HOURS_PER_MONTH,
                        UnitPricing.CORE_WEIGHT,
                        UnitPricing.GIB_WEIGHT,
                        UnitPricing.TB_WEIGHT));
    }

    /**
     * Each cluster's unit rates from its host shapes, ordered by cluster. A cluster with a SKU the catalog cannot price
     * (a price column missing) gets none.
     */
    private ImmutableMap<String, UnitRates> clusterRates(UtilizationFigures figures) {
        Map<String, SkuCost> catalog = new HashMap<>();
        for (SkuPrice sku : figures.skus()) {
            skuCost(sku).ifPresent(cost -> catalog.put(sku.sku(), cost));
        }
        Map<String, Map<String, Long>> serversBySku = new TreeMap<>();
        for (HostShape shape : figures.hostShapes()) {
            serversBySku.computeIfAbsent(shape.cluster(), c -> new TreeMap<>()).put(shape.sku(), shape.servers());
        }
        ImmutableMap.Builder<String, UnitRates> rates = ImmutableMap.builder();
        serversBySku.forEach((cluster, servers) -> {
            if (catalog.keySet().containsAll(servers.keySet())) {
                pricing.clusterRates(servers, catalog).ifPresent(r -> rates.put(cluster, r));
            }
        });
        return rates.buildOrThrow();
    }

    /**
     * Each cluster's use of each resource split over its SKUs by their share of its capacity, cluster by cluster as
     * {@code figures} orders them, then by SKU. A SKU without capacity of a resource has no row for it.
     */
    private static ImmutableList<SkuRow> skuRows(UtilizationFigures figures) {
        Map<String, String> kinds = new HashMap<>();
        figures.skus().forEach(sku -> kinds.put(sku.sku(), sku.kind()));
        Map<String, List<HostShape>> shapes = new HashMap<>();
        figures.hostShapes()
                .forEach(shape -> shapes.computeIfAbsent(shape.cluster(), c -> new ArrayList<>())
                        .add(shape));
        Map<String, Double> allocatedNow = new HashMap<>();
        for (ServiceUtilization service : figures.services()) {
            Double allocated = service.allocatedLast();
            if (allocated != null) {
                allocatedNow.merge(key(service.cluster(), service.resource()), allocated, Double::sum);
            }
        }
        ImmutableList.Builder<SkuRow> rows = ImmutableList.builder();
        for (ClusterUtilization cluster : figures.clusters()) {
            Resource resource = cluster.resource();
            @Nullable DailyPercentiles used = cluster.used();
            @Nullable DailyPercentiles allocated = cluster.allocated();
            @Nullable Double clusterAllocatedNow = allocatedNow.get(key(cluster.cluster(), resource));
            for (HostShape shape : shapes.getOrDefault(cluster.cluster(), List.of())) {
                double supply = capacity(shape, resource);
                if (supply <= 0 || cluster.supply() <= 0) {
                    continue;
                }
                double share = supply / cluster.supply();
                rows.add(new SkuRow(
                        shape.sku(),
                        kinds.getOrDefault(shape.sku(), ""),
                        cluster.cluster(),
                        cluster.site(),
                        cluster.region(),
                        resource.code(),
                        resource.canonicalUnit(),
                        shape.servers(),
                        supply,
                        share,
                        cluster.days(),
                        used == null ? null : share * used.p50(),
                        used == null ? null : share * used.p95(),
                        used == null ? null : share * used.max(),
                        allocated == null ? null : share * allocated.p95(),
                        clusterAllocatedNow == null ? null : share * clusterAllocatedNow));
            }
        }
        return rows.build();
    }

    private static double capacity(HostShape shape, Resource resource) {
        return switch (resource) {
            case CPU -> shape.cores();
            case MEMORY -> shape.memoryGib();
            case STORAGE -> shape.storageTb();
        };
    }

    private static Map<String, List<String>> skusByCluster(UtilizationFigures figures) {
        Map<String, List<String>> skus = new HashMap<>();
        figures.hostShapes()
                .forEach(shape -> skus.computeIfAbsent(shape.cluster(), c -> new ArrayList<>())
                        .add(shape.sku()));
        return skus;
    }

    /** The catalog's prices as a {@link SkuCost}; empty when a column its kind needs is missing. */
    private static Optional<SkuCost> skuCost(SkuPrice sku) {
        BigDecimal price = sku.priceUsd();
        Long depreciationMonths = sku.depreciationMonths();
        Double powerWatts = sku.powerWatts();
        BigDecimal hourly = sku.hourlyUsd();
        SkuCost.Monthly monthly;
        if (sku.kind().equals("owned") && price != null && depreciationMonths != null && powerWatts != null) {
            monthly = new SkuCost.Owned(price.doubleValue(), depreciationMonths, powerWatts);
        } else if (sku.kind().equals("cloud") && hourly != null) {
            monthly = new SkuCost.Cloud(hourly.doubleValue());
        } else {
            return Optional.empty();
        }
        return Optional.of(new SkuCost(sku.sku(), sku.cores(), sku.memoryGib(), sku.storageTb(), monthly));
    }

    private static ServiceRow serviceRow(
            ServiceUtilization service, ClusterUtilization cluster, ServiceAssessment assessment) {
        @Nullable DailyPercentiles allocated = service.allocated();
        @Nullable Double allocatedNow = service.allocatedLast();
        return new ServiceRow(
                service.service(),
                service.cluster(),
                cluster.site(),
                cluster.region(),
                service.resource().code(),
                service.resource().canonicalUnit(),
                service.days(),
                service.used().p50(),
                service.used().p95(),
                service.used().max(),
                allocated == null ? null : allocated.p50(),
                allocated == null ? null : allocated.p95(),
                allocated == null ? null : allocated.max(),
                allocatedNow,
                cluster.supply(),
                allocatedNow == null || cluster.supply() == 0 ? null : allocatedNow / cluster.supply(),
                assessment.usedToAllocated(),
                assessment.status().code());
    }

    private static StrandedRow strandedRow(StrandedCapacity stranded) {
        return new StrandedRow(
                stranded.cluster(),
                stranded.hostShapes(),
                stranded.binding().code(),
                stranded.bindingFraction(),
                stranded.resource().code(),
                stranded.fraction(),
                stranded.supply(),
                stranded.stranded(),
                stranded.unit(),
                stranded.usdPerMonth());
    }

    private static RightsizingRow rightsizingRow(Rightsizing rightsizing) {
        return new RightsizingRow(
                rightsizing.service(),
                rightsizing.cluster(),
                rightsizing.resource().code(),
                rightsizing.status().code(),
                rightsizing.usedP95(),
                rightsizing.allocatedNow(),
                rightsizing.recommended(),
                rightsizing.reclaimable(),
                rightsizing.unit(),
                rightsizing.usdPerMonth());
    }

    private static Percentiles percentiles(DailyPercentiles daily) {
        return new Percentiles(daily.p50(), daily.p95(), daily.max());
    }

    private static String key(String cluster, Resource resource) {
        return cluster + "\u0000" + resource.code();
    }

    private static String describe(FleetScope scope) {
        List<String> names = new ArrayList<>();
        if (scope.region() != null) {
            names.add("region \"" + scope.region() + "\"");
        }
        if (scope.site() != null) {
            names.add("site \"" + scope.site() + "\"");
        }
        if (scope.cluster() != null) {
            names.add("cluster \"" + scope.cluster() + "\"");
        }
        if (scope.service() != null) {
            names.add("service \"" + scope.service() + "\"");
        }
        return String.join(", ", names);
    }
}
