package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.app.life.FleetLifeService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.allocation.Pool;
import io.fleetcast.planning.capacity.BurstOption;
import io.fleetcast.planning.capacity.CapacityPlanner;
import io.fleetcast.planning.capacity.CloudCapacity;
import io.fleetcast.planning.capacity.ClusterInputs;
import io.fleetcast.planning.capacity.ClusterPlan;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.capacity.OrderOption;
import io.fleetcast.planning.capacity.ResourcePlan;
import io.fleetcast.planning.headroom.HeadroomSizing;
import io.fleetcast.planning.supply.EmpiricalDays;
import io.fleetcast.planning.supply.InFlightOrder;
import io.fleetcast.planning.supply.LeadTimes;
import io.fleetcast.planning.supply.PastOrder;
import io.fleetcast.planning.supply.ServerCohort;
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.planning.supply.SupplyForecast;
import io.fleetcast.planning.supply.SupplyPath;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.fit.Weibayes;
import io.fleetcast.store.CapacityStore;
import io.fleetcast.store.LifeStore;
import io.fleetcast.store.PlanStore;
import io.fleetcast.store.capacity.InventoryGroup;
import io.fleetcast.store.capacity.PathDay;
import io.fleetcast.store.capacity.SkuRecord;
import io.fleetcast.store.capacity.StoredCapacityPlan;
import io.fleetcast.store.capacity.StoredOrder;
import io.fleetcast.store.life.LifeRecord;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hipparchus.special.Beta;
import org.jspecify.annotations.Nullable;

/**
 * The capacity plan of the stored fleet: supply forecast per cluster and resource (inventory less expected failures
 * from each SKU's fitted Weibull life and planned retirements, plus open orders at learned delivery slips), demand
 * forecast per cluster and resource ({@link ClusterDemandForecaster}), exhaustion dates, headroom and order
 * recommendations ({@link CapacityPlanner}), optionally with a what-if.
 */
public final class CapacityPlanService {
    /** Days to add capacity where no lead time is known. */
    static final int DEFAULT_LEAD_TIME_DAYS = 90;

    /** The data sets the plan reads (costs, budgets, telemetry and traffic drivers it does not). */
    public static final ImmutableList<Kind> INPUTS = ImmutableList.of(
            Kind.SKUS,
            Kind.ASSETS,
            Kind.SERVICES,
            Kind.ORDERS,
            Kind.EVENTS,
            Kind.ADJUSTMENTS,
            Kind.USAGE,
            Kind.REQUESTS);

    /** The default horizon: a year of days. */
    public static final int DEFAULT_HORIZON_DAYS = 365;
    /** Failures a SKU needs for its own Weibull shape; with fewer it takes the fleet's (Weibayes). */
    static final int FAILURES_FOR_SHAPE = 20;
    /** What the fleet's failure rate weighs, in failures, in the life of a SKU with too few of its own. */
    static final int PRIOR_FAILURES = 2;
    /** Failures a batch needs before it can have a life of its own. */
    static final int BATCH_FAILURES = 3;
    /**
     * How unlikely a batch's share of its SKU's failures must be, were it failing as the rest do, for the batch to get a
     * life of its own.
     */
    static final double BATCH_P_VALUE = 5e-3;

    private static final Pattern YEAR_SUFFIX = Pattern.compile("\\s+(19|20)\\d\\d$");

    private final CapacityStore store;
    private final PlanStore plans;
    private final LifeStore lives;
    private final AllocationService allocations;
    private final UtilizationService utilization;

    public CapacityPlanService(
            CapacityStore store,
            PlanStore plans,
            LifeStore lives,
            AllocationService allocations,
            UtilizationService utilization) {
        this.store = requireNonNull(store, "store is null");
        this.plans = requireNonNull(plans, "plans is null");
        this.lives = requireNonNull(lives, "lives is null");
        this.allocations = requireNonNull(allocations, "allocations is null");
        this.utilization = requireNonNull(utilization, "utilization is null");
    }

    /**
     * What to plan.
     *
     * @param horizonDays days ahead
     * @param serviceLevel the target chance that demand stays within usable supply (and that orders arrive in time)
     * @param whatIf changes to apply
     * @param save whether to store the plan as a new version
     * @param headroomPolicy maintenance, utilization ceiling, racks to survive and failover reserve
     */
    public record Request(
            int horizonDays, double serviceLevel, WhatIf whatIf, boolean save, HeadroomPolicy headroomPolicy) {
        public Request {
            if (horizonDays < 7 || horizonDays > 3 * 365) {
                throw FleetcastException.badInput("--horizon must be between 7 and 1095 days, got " + horizonDays);
            }
            if (!(serviceLevel >= 0.5 && serviceLevel < 1)) {
                throw FleetcastException.badInput(
                        "--service-level must be at least 0.5 and below 1 (e.g. 0.99), got " + serviceLevel);
            }
            requireNonNull(whatIf, "whatIf is null");
            requireNonNull(headroomPolicy, "headroomPolicy is null");
        }

        /** With the default headroom policy. */
        public Request(int horizonDays, double serviceLevel, WhatIf whatIf, boolean save) {
            this(horizonDays, serviceLevel, whatIf, save, HeadroomPolicy.DEFAULT);
        }
    }

    /** Hears how the plan goes. */
    public interface Progress {
        Progress NONE = (step, done, total) -> {};

        /** {@code done} of {@code total} in {@code step}. */
        void progress(String step, int done, int total);
    }

    /**
     * One cluster's plan with the forecasts behind it.
     *
     * @param demand the demand forecast per resource
     * @param supply the supply forecast per resource
     * @param headroom the headroom sizing per resource (owned clusters with demand history)
     * @param backtestErrors per sized resource, the cluster's own relative forecast errors at the headroom's lead time,
     *     newest origin first, origins it could not use left out
     * @param cloud a cloud cluster's capacity per resource by how it is bought (empty for owned clusters)
     * @param burst for a cluster of owned servers and cloud instances, the instance type it runs on demand
     */
    public record ClusterResult(
            ClusterPlan plan,
            ImmutableMap<Resource, DemandForecast> demand,
            ImmutableMap<Resource, SupplyPath> supply,
            ImmutableMap<Resource, HeadroomSizing> headroom,
            ImmutableMap<Resource, ImmutableList<Double>> backtestErrors,
            ImmutableMap<Resource, CloudCapacity> cloud,
            Optional<BurstOption> burst) {}

    /** The days of every service series of {@code cluster}: what its headroom backtests cost. */
    private static long serviceDays(Map<String, List<ClusterDemandForecaster.History>> servicesByKey, String cluster) {
        long days = 0;
        for (Resource resource : Resource.values()) {
            for (ClusterDemandForecaster.History history :
                    servicesByKey.getOrDefault(cluster + "/" + resource.code(), List.of())) {
                days += history.days();
            }
        }
        return days;
    }

    /** A cluster between its headroom backtests and its sizing. */
    private record Prepared(
            Optional<OrderOption> option,
            List<OrderOption> otherLines,
            ClusterHeadroom.Context context,
            Map<Resource, ClusterHeadroom.Backtest> backtests) {}

    /**
     * The plan.
     *
     * @param asOf the data's last day; the plan starts the day after
     * @param demandPlanVersion the newest forecast plan version at the time, if any
     * @param clusters per cluster, by region, site and cluster
     * @param lifeFits the life distribution used per SKU, for people
     * @param notes caveats
     */
    public record Result(
            LocalDate asOf,
            int horizonDays,
            double serviceLevel,
            Optional<Integer> demandPlanVersion,
            ImmutableList<ClusterResult> clusters,
            ImmutableMap<String, String> lifeFits,
            ImmutableList<String> whatIf,
            ImmutableList<String> notes) {}

    /** Plans the stored fleet. */
    public Result plan(Request request, Progress progress) {
        LocalDate asOf = lives.asOf();
        int horizon = request.horizonDays();
        List<String> notes = new ArrayList<>();
        Map<String, SkuRecord> skus = new TreeMap<>();
        store.skus().forEach(sku -> skus.put(sku.sku(), sku));
        Map<String, ServerShape> shapes = new HashMap<>();
        skus.forEach((name, sku) -> shapes.put(name, new ServerShape(sku.cores(), sku.memoryGib(), sku.storageTb())));

        List<InventoryGroup> inventory = store.inventory(asOf);
        Map<String, ClusterInfo> clusters = new TreeMap<>();
        List<ServerCohort> cohorts = new ArrayList<>();
        Set<String> ownedSkus = new TreeSet<>();
        Map<String, Integer> pastLife = new TreeMap<>();
        // In a cluster that also has owned servers, on-demand instances come and go with demand: not usable supply.
        Set<String> withOwned = inventory.stream()
                .filter(group -> group.ownership().equals("owned"))
                .map(InventoryGroup::cluster)
                .collect(Collectors.toSet());
        for (InventoryGroup group : inventory) {
            SkuRecord sku = skus.get(group.sku());
            if (sku == null) {
                throw FleetcastException.badInput("assets of cluster " + group.cluster() + " name SKU " + group.sku()
                        + ", which the SKU catalog does not have; load its skus file");
            }
            ClusterInfo info =
                    clusters.computeIfAbsent(group.cluster(), name -> new ClusterInfo(group.region(), group.site()));
            boolean owned = group.ownership().equals("owned");
            if (owned) {
                ownedSkus.add(group.sku());
            }
            info.owned |= owned;
            if (!owned) {
                info.instances(group.ownership()).merge(group.sku(), group.count(), Integer::sum);
            }
            if (group.ownership().equals("on_demand") && withOwned.contains(group.cluster())) {
                continue;
            }
            LocalDate retires = retirement(group, sku);
            cohorts.add(new ServerCohort(
                    group.cluster(), group.sku(), group.count(), group.installed(), retires, group.batch()));
            if (!retires.isAfter(asOf)) {
                pastLife.merge(group.cluster(), group.count(), Integer::sum);
            }
        }
        if (!pastLife.isEmpty()) {
            int servers = pastLife.values().stream().mapToInt(Integer::intValue).sum();
            notes.add(String.format(
                    Locale.ROOT,
                    "%d owned %s past %s SKU's lifetime_months with no retire_date (%s); the plan retires %s on its"
                            + " first day, %s",
                    servers,
                    servers == 1 ? "server is" : "servers are",
                    servers == 1 ? "its" : "their",
                    pastLife.entrySet().stream()
                            .map(entry -> entry.getValue() + " in " + entry.getKey())
                            .collect(Collectors.joining(", ")),
                    servers == 1 ? "it" : "them",
                    asOf.plusDays(1)));
        }

        WhatIf whatIf = request.whatIf();
        List<StoredOrder> orders = store.orders();
        Map<String, String> orderStatus = new TreeMap<>();
        List<PastOrder> history = new ArrayList<>();
        List<InFlightOrder> open = new ArrayList<>();
        for (StoredOrder order : orders) {
            orderStatus.put(order.orderId(), order.status());
            if (order.status().equals("delivered") && order.delivered() != null) {
                history.add(new PastOrder(order.sku(), order.ordered(), order.promised(), order.delivered()));
            } else if (order.status().equals("open")) {
                if (order.cluster() == null) {
                    notes.add("open order " + order.orderId() + " (" + order.quantity() + " × " + order.sku() + " for "
                            + order.site() + ") names no cluster; it is left out of the clusters' supply");
                    continue;
                }
                int delay = whatIf.delays().getOrDefault(order.orderId(), 0);
                open.add(new InFlightOrder(
                        order.orderId(),
                        order.cluster(),
                        order.sku(),
                        order.quantity(),
                        order.promised().plusDays(delay)));
                clusters.computeIfAbsent(order.cluster(), name -> new ClusterInfo("", order.site()));
            }
        }
        for (String id : whatIf.delays().keySet()) {
            String status = orderStatus.get(id);
            if (status == null) {
                throw FleetcastException.badInput("--delay-order names order " + id + ", which is not stored");
            }
            if (!status.equals("open")) {
                throw FleetcastException.badInput("--delay-order names order " + id + ", which is " + status
                        + ", not open: only an open order can be delayed");
            }
        }
        Map<String, Set<String>> skusByCluster = ownedSkusByCluster(orders, inventory);
        LeadTimes leadTimes = LeadTimes.learn(history).withLines(productLines(skusByCluster));

        progress.progress("life fits", 0, 1);
        Map<String, LifeDistribution> fits = new TreeMap<>();
        Map<String, String> fitNotes = new TreeMap<>();
        fitLives(ownedSkus, fits, fitNotes);
        progress.progress("life fits", 1, 1);

        Map<String, Map<Resource, SupplyPath>> supply = withAddedSupply(
                SupplyForecast.forecast(asOf, horizon, cohorts, open, shapes, fits, leadTimes),
                whatIf,
                asOf,
                clusters,
                skus,
                shapes,
                leadTimes);

        List<ClusterDemandForecaster.History> histories = ClusterDemandForecaster.histories(store);
        List<StoredEvent> events =
                plans.events().stream().map(CapacityPlanService::withoutYear).toList();
        // Services with their own traffic driver and little history here follow it (see ClusterDemandForecaster).
        ForecastInputs inputs = ForecastInputs.of(events, plans.clusterRegions(), plans.drivers(), List.of())
                .withDriverForecaster(ClusterDemandForecaster.DRIVER_TREND);
        // The headroom's backtests leave drivers out: at a past origin the driver's later days are in the store, and
        // following them would leak the future into the errors.
        ForecastInputs backtestInputs = ForecastInputs.of(events, plans.clusterRegions(), List.of(), List.of());
        LocalDate dataFirst = histories.stream()
                .map(ClusterDemandForecaster.History::first)
                .min(LocalDate::compareTo)
                .orElse(asOf);
        List<StoredAdjustment> adjustments = plans.adjustments();
        // Computed once: the demand forecasts and the headroom backtests both borrow from them.
        YearlyProfiles profiles = YearlyProfiles.of(histories);
        Map<String, Map<Resource, DemandForecast>> demand =
                demand(histories, dataFirst, inputs, adjustments, profiles, asOf, horizon, whatIf, clusters, progress);
        Map<String, List<ClusterDemandForecaster.History>> servicesByKey = new HashMap<>();
        histories.forEach(service -> servicesByKey
                .computeIfAbsent(service.cluster() + "/" + service.resource().code(), key -> new ArrayList<>())
                .add(service));
        for (String cluster : whatIf.demandScale().keySet()) {
            if (!cluster.equals("*") && !clusters.containsKey(cluster)) {
                throw FleetcastException.badInput("--scale-demand names cluster " + cluster + ", which is unknown");
            }
        }

        Map<String, List<InventoryGroup>> groupsByCluster = new TreeMap<>();
        inventory.forEach(group -> groupsByCluster
                .computeIfAbsent(group.cluster(), name -> new ArrayList<>())
                .add(group));
        Map<String, List<InFlightOrder>> openByCluster = new TreeMap<>();
        open.forEach(order -> openByCluster
                .computeIfAbsent(order.cluster(), name -> new ArrayList<>())
                .add(order));
        // Clusters are backtested, sized and planned on their own (the backtests are most of the work): on every core,
        // the clusters with the most service days first. Between the backtests and the sizing, each cluster's errors
        // are pooled with the others' (ClusterHeadroom.errors).
        Map<String, LocalDate> introduced = introduced(orders, inventory);
        // Each product line's newest SKU that can be ordered, for the mixes: the same for every cluster.
        Map<Set<String>, OrderOption> newestOfLine = new LinkedHashMap<>();
        for (Set<String> line : lineGroups(skusByCluster)) {
            orderOption(line, "the newest SKU of another product line", introduced, skus, shapes, leadTimes)
                    .ifPresent(option -> newestOfLine.put(line, option));
        }
        List<Map.Entry<String, ClusterInfo>> entries = new ArrayList<>(clusters.entrySet());
        Prepared[] prepared = new Prepared[entries.size()];
        AtomicInteger backtested = new AtomicInteger();
        Map<String, Integer> beyondHorizon = new ConcurrentSkipListMap<>();
        LargestFirst.run(
                entries.size(),
                index -> serviceDays(servicesByKey, entries.get(index).getKey()),
                index -> {
                    String cluster = entries.get(index).getKey();
                    ClusterInfo info = entries.get(index).getValue();
                    Map<Resource, DemandForecast> clusterDemand = demand.getOrDefault(cluster, Map.of());
                    Map<Resource, SupplyPath> clusterSupply = supply.getOrDefault(cluster, Map.of());
                    Optional<OrderOption> option = info.elastic()
                            ? Optional.empty()
                            : orderOption(
                                    skusByCluster.getOrDefault(cluster, Set.of()),
                                    "the newest SKU in " + cluster + " or on order for it",
                                    introduced,
                                    skus,
                                    shapes,
                                    leadTimes);
                    List<OrderOption> otherLines = option.map(own -> newestOfLine.entrySet().stream()
                                    .filter(line -> !line.getKey().contains(own.sku()))
                                    .map(Map.Entry::getValue)
                                    .toList())
                            .orElse(List.of());
                    ClusterHeadroom.Context context = new ClusterHeadroom.Context(
                            asOf,
                            groupsByCluster.getOrDefault(cluster, List.of()),
                            openByCluster.getOrDefault(cluster, List.of()),
                            shapes,
                            fits,
                            leadTimes,
                            request.serviceLevel(),
                            request.headroomPolicy(),
                            backtestInputs,
                            servicesByKey,
                            dataFirst,
                            adjustments,
                            profiles);
                    Map<Resource, ClusterHeadroom.Backtest> backtests = new EnumMap<>(Resource.class);
                    if (!info.elastic()) {
                        int leadTime =
                                option.map(o -> o.leadTime().quantile(0.5)).orElse(DEFAULT_LEAD_TIME_DAYS);
                        if (leadTime > horizon && !clusterDemand.isEmpty()) {
                            beyondHorizon.put(cluster, leadTime);
                        }
                        clusterDemand.forEach((resource, forecast) -> {
                            if (clusterSupply.containsKey(resource)) {
                                ClusterHeadroom.backtest(resource, forecast, leadTime, context)
                                        .ifPresent(backtest -> backtests.put(resource, backtest));
                            }
                        });
                    }
                    prepared[index] = new Prepared(option, otherLines, context, backtests);
                    synchronized (backtested) {
                        progress.progress("headroom backtests", backtested.incrementAndGet(), entries.size());
                    }
                });
        List<ClusterHeadroom.Backtest> allBacktests = new ArrayList<>();
        for (Prepared cluster : prepared) {
            allBacktests.addAll(cluster.backtests().values());
        }
        ClusterResult[] results = new ClusterResult[entries.size()];
        AtomicInteger clustersDone = new AtomicInteger();
        IntStream.range(0, entries.size()).parallel().forEach(index -> {
            String cluster = entries.get(index).getKey();
            ClusterInfo info = entries.get(index).getValue();
            Map<Resource, DemandForecast> clusterDemand = demand.getOrDefault(cluster, Map.of());
            Map<Resource, SupplyPath> clusterSupply = supply.getOrDefault(cluster, Map.of());
            Prepared ready = prepared[index];
            Map<Resource, Double> headroom = new EnumMap<>(Resource.class);
            Map<Resource, HeadroomSizing> sizings = new EnumMap<>(Resource.class);
            ready.backtests().forEach((resource, backtest) -> {
                DemandForecast forecast = requireNonNull(clusterDemand.get(resource));
                HeadroomSizing sizing = ClusterHeadroom.size(
                        resource, forecast, ClusterHeadroom.errors(backtest, allBacktests, forecast), ready.context());
                sizings.put(resource, sizing);
                headroom.put(resource, sizing.totalBuffer());
            });
            ClusterInputs planInputs = new ClusterInputs(
                    cluster,
                    info.site,
                    info.region,
                    info.elastic(),
                    clusterDemand,
                    clusterSupply,
                    headroom,
                    ready.option(),
                    info.cloudCapacity(shapes),
                    info.owned ? burstOption(info, skus, shapes) : Optional.empty(),
                    ready.otherLines(),
                    request.whatIf().mixLines());
            results[index] = new ClusterResult(
                    CapacityPlanner.plan(planInputs, request.serviceLevel()),
                    ImmutableMap.copyOf(clusterDemand),
                    ImmutableMap.copyOf(clusterSupply),
                    ImmutableMap.copyOf(sizings),
                    ready.backtests().entrySet().stream()
                            .collect(ImmutableMap.toImmutableMap(
                                    Map.Entry::getKey, entry -> entry.getValue().errors())),
                    ImmutableMap.copyOf(planInputs.cloud()),
                    planInputs.burst());
            synchronized (clustersDone) {
                progress.progress("headroom and orders", clustersDone.incrementAndGet(), entries.size());
            }
        });
        if (!beyondHorizon.isEmpty()) {
            int longest = beyondHorizon.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElseThrow();
            notes.add(String.format(
                    Locale.ROOT,
                    "the headroom of %s is sized over the %d-day horizon, shorter than the lead time it should cover"
                            + " (%s); plan with --horizon %d or more to size it over the lead time",
                    beyondHorizon.size() == 1 ? "1 cluster" : beyondHorizon.size() + " clusters",
                    horizon,
                    beyondHorizon.entrySet().stream()
                            .map(entry -> entry.getKey() + " " + entry.getValue() + " days")
                            .collect(Collectors.joining(", ")),
                    longest));
        }
        ImmutableMap.Builder<String, String> lifeFits = ImmutableMap.builder();
        lifeFits.putAll(fitNotes);
        return new Result(
                asOf,
                horizon,
                request.serviceLevel(),
                plans.latestPlan().map(plan -> plan.version()),
                ImmutableList.copyOf(results),
                lifeFits.buildOrThrow(),
                whatIf.describe(),
                ImmutableList.copyOf(notes));
    }

    /**
     * Plans the stored fleet and renders the plan as users read it; stores it as the next capacity plan version when
     * the request says so.
     */
    public CapacityPlanDocument run(Request request, Progress progress) {
        Result result = plan(request, progress);
        Map<Pool, Double> free = freeSupply(result);
        AllocationService.Cloud cloud = cloud(result);
        Map<Pool, Double> extra = request.whatIf().extraCapacity();
        AllocationService.Result allocation;
        List<AllocationService.Change> changes = null;
        if (extra.isEmpty()) {
            allocation = allocations.allocate(free, cloud);
        } else {
            for (Pool pool : extra.keySet()) {
                if (!free.containsKey(pool)) {
                    throw FleetcastException.badInput("--extra-capacity names " + pool.cluster() + " "
                            + pool.resource().code() + ", which is not an owned cluster's resource in the plan");
                }
            }
            AllocationService.WhatIfResult whatIf = allocations.whatIf(free, extra, cloud);
            allocation = whatIf.after();
            changes = whatIf.changes();
        }
        UtilizationReport usage = null;
        try {
            usage = utilization.analyse(UtilizationRequest.defaults());
        } catch (UnknownScopeException noUsage) {
            // No daily usage: the plan has no utilization section.
        }
        CapacityPlanDocument document = CapacityPlanDocument.of(result, allocation, changes, usage);
        if (!request.save()) {
            return document;
        }
        String description = String.format(
                Locale.ROOT,
                "fleetcast plan --horizon %d --service-level %s%s",
                request.horizonDays(),
                request.serviceLevel(),
                result.whatIf().isEmpty() ? "" : " with what-if: " + String.join("; ", result.whatIf()));
        int version = store.writeCapacityPlan(
                result.asOf().toString(),
                description,
                result.demandPlanVersion().orElse(null),
                document.toJson(),
                paths(result));
        return document.withVersion(version);
    }

    /**
     * What each owned cluster can promise to requests: for each resource, the least over the horizon of usable supply
     * less P50 demand less headroom (never below 0), so a grant holds through the horizon without eating the buffer. A
     * resource no service uses yet (a new cluster) offers the least of its usable supply.
     */
    static Map<Pool, Double> freeSupply(Result result) {
        Map<Pool, Double> free = new TreeMap<>();
        for (ClusterResult cluster : result.clusters()) {
            for (ResourcePlan plan : cluster.plan().resources()) {
                DemandForecast demand = cluster.demand().get(plan.resource());
                SupplyPath supply = cluster.supply().get(plan.resource());
                if (supply == null || cluster.plan().elastic()) {
                    continue;
                }
                int days = demand == null ? supply.days() : Math.min(demand.days(), supply.days());
                double least = Double.POSITIVE_INFINITY;
                for (int day = 0; day < days; day++) {
                    double used = demand == null ? 0 : demand.p50(day);
                    least = Math.min(least, supply.mean(day) - used - plan.headroom());
                }
                if (days > 0) {
                    free.put(new Pool(cluster.plan().cluster(), plan.resource()), Math.max(0, least));
                }
            }
        }
        return free;
    }

    /**
     * The pools of clusters that scale on demand (cloud), where requests are granted whatever they ask, and the instance
     * type each cluster of owned servers and cloud instances runs on demand.
     */
    static AllocationService.Cloud cloud(Result result) {
        Set<Pool> pools = new TreeSet<>();
        Map<String, BurstOption> burst = new TreeMap<>();
        for (ClusterResult cluster : result.clusters()) {
            if (cluster.plan().elastic()) {
                for (Resource resource : Resource.values()) {
                    pools.add(new Pool(cluster.plan().cluster(), resource));
                }
            }
            cluster.burst().ifPresent(option -> burst.put(cluster.plan().cluster(), option));
        }
        return new AllocationService.Cloud(pools, burst);
    }

    /** The stored plan {@code version}'s document; empty when there is none. */
    public Optional<CapacityPlanDocument> stored(int version) {
        return store.capacityPlan(version).map(CapacityPlanService::document);
    }

    /** The newest stored plan's document; empty when no plan was stored. */
    public Optional<CapacityPlanDocument> latest() {
        List<StoredCapacityPlan> all = store.capacityPlans();
        return all.isEmpty() ? Optional.empty() : Optional.of(document(all.get(all.size() - 1)));
    }

    /**
     * What changed between stored plans {@code from} and {@code to}.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming a version that is not stored
     */
    public CapacityPlanDiff diff(int from, int to) {
        return CapacityPlanDiff.of(storedOrFail(from), storedOrFail(to));
    }

    private CapacityPlanDocument storedOrFail(int version) {
        return stored(version)
                .orElseThrow(() ->
                        FleetcastException.badInput("capacity plan " + version + " is not stored; versions" + " are "
                                + store.capacityPlans().stream()
                                        .map(plan -> plan.version())
                                        .toList()));
    }

    /** Every stored plan version, oldest first. */
    public List<StoredCapacityPlan> versions() {
        return store.capacityPlans();
    }

    /** The newest plan stored before {@code version}; empty when {@code version} is the first. */
    public OptionalInt previousVersion(int version) {
        return versions().stream()
                .mapToInt(StoredCapacityPlan::version)
                .filter(each -> each < version)
                .max();
    }

    /** The daily path of one cluster and resource in plan {@code version}. */
    public List<PathDay> path(int version, String cluster, String resource) {
        return store.path(version, cluster, resource);
    }

    private static CapacityPlanDocument document(StoredCapacityPlan plan) {
        return CapacityPlanDocument.parse(plan.document()).withVersion(plan.version());
    }

    private static List<PathDay> paths(Result result) {
        List<PathDay> days = new ArrayList<>();
        for (ClusterResult cluster : result.clusters()) {
            cluster.demand().forEach((resource, demand) -> {
                SupplyPath supply = cluster.supply().get(resource);
                for (int day = 0; day < demand.days(); day++) {
                    days.add(new PathDay(
                            cluster.plan().cluster(),
                            resource.code(),
                            demand.start().plusDays(day),
                            demand.p50(day),
                            demand.quantile(0.9, day),
                            demand.quantile(0.99, day),
                            supply == null ? 0 : supply.mean(day),
                            supply == null ? 0 : supply.standardDeviation(day)));
                }
            });
        }
        return days;
    }

    private static LocalDate retirement(InventoryGroup group, SkuRecord sku) {
        if (group.retires() != null) {
            return group.retires();
        }
        Long months = sku.lifetimeMonths();
        if (!group.ownership().equals("owned") || months == null) {
            return LocalDate.MAX;
        }
        return group.installed().plusMonths(months);
    }

    /**
     * Fits a Weibull life per owned SKU in service. A SKU with at least {@value #FAILURES_FOR_SHAPE} failures gets its
     * own shape; one with fewer (none included) gets the shape all SKUs share ({@link Weibayes#commonShape}, each SKU
     * with its own scale), and its failure rate from its own failures and exposure with the fleet's rate as {@value
     * #PRIOR_FAILURES} more failures (Weibayes with a gamma prior): a shape fitted to two or three failures can come out
     * anywhere, one early failure among a few young servers would read as a short life, and a new SKU without failures
     * still fails. With fewer than {@value #FAILURES_FOR_SHAPE} failures in the fleet the shape is 1 (an exponential
     * life), and without any a SKU is forecast none; one whose fit fails gets an exponential life, or none. A batch with at least
     * {@value #BATCH_FAILURES} failures, more of its SKU's failures than its share of their exposure makes likelier than
     * {@value #BATCH_P_VALUE} (binomial: the exact test of two Poisson rates, which weighs how few failures the rest may
     * have), gets a Weibayes life of its own at its SKU's shape, and its SKU is fitted without it.
     */
    private void fitLives(Set<String> skusInService, Map<String, LifeDistribution> fits, Map<String, String> notes) {
        Map<String, List<LifeRecord>> bySku = new LinkedHashMap<>();
        for (LifeRecord record : lives.lifeRecords()) {
            if (skusInService.contains(record.sku())) {
                bySku.computeIfAbsent(record.sku(), sku -> new ArrayList<>()).add(record);
            }
        }
        Map<String, LifeDistribution> first = new TreeMap<>();
        skuLives(bySku, first, notes);
        // A batch that fails far more than its SKU's life expects gets a life of its own; the SKU's is fitted again
        // without it, so one bad batch does not shorten the life of every server of its SKU.
        Map<String, List<LifeRecord>> rest = new LinkedHashMap<>();
        boolean split = false;
        for (Map.Entry<String, List<LifeRecord>> entry : bySku.entrySet()) {
            String sku = entry.getKey();
            LifeDistribution life = first.get(sku);
            List<LifeRecord> kept = new ArrayList<>();
            Map<String, List<LifeRecord>> byBatch = new TreeMap<>();
            for (LifeRecord record : entry.getValue()) {
                String batch = record.batch();
                if (batch == null || life == null) {
                    kept.add(record);
                } else {
                    byBatch.computeIfAbsent(batch, b -> new ArrayList<>()).add(record);
                }
            }
            double shape = life instanceof Weibull weibull ? weibull.shape() : 1;
            // The SKU's exposure and failures, once: a batch's rest is the SKU less the batch. NaN where Weibayes
            // cannot weigh them (censored in intervals), and no batch is tested.
            double skuExposure = Double.NaN;
            long skuFailures = 0;
            if (!byBatch.isEmpty()) {
                try {
                    LifeData all = FleetLifeService.lifeDataInDays(entry.getValue());
                    skuExposure = Weibayes.exposure(all, shape);
                    skuFailures = all.failureCount();
                } catch (IllegalArgumentException e) {
                    // stays NaN
                }
            }
            for (Map.Entry<String, List<LifeRecord>> batch : byBatch.entrySet()) {
                LifeData data = FleetLifeService.lifeDataInDays(batch.getValue());
                long failed = data.failureCount();
                if (life == null || failed < BATCH_FAILURES) {
                    kept.addAll(batch.getValue());
                    continue;
                }
                // The batch against the rest of its SKU, at the SKU's shape. Of the SKU's failures, a batch failing
                // as the rest do takes its share of their exposure: conditioning on the total weighs how little the
                // rest's own few failures say of their rate, which a Poisson count against the rest's rate took as
                // known. The failures the rest's rate gives the batch's exposure are for people.
                String name = batch.getKey();
                if (Double.isNaN(skuExposure)
                        || batch.getValue().size() == entry.getValue().size()) {
                    kept.addAll(batch.getValue());
                    continue;
                }
                double exposure = Weibayes.exposure(data, shape);
                double otherExposure = skuExposure - exposure;
                long total = skuFailures;
                double expected = exposure * Math.max((double) (total - failed), 0.5) / otherExposure;
                double p = binomialAtLeast(failed, total, exposure / skuExposure);
                if (!(p < BATCH_P_VALUE)) {
                    kept.addAll(batch.getValue());
                    continue;
                }
                try {
                    Weibull own = Weibayes.fit(data, shape);
                    String key = ServerCohort.batchKey(sku, name);
                    fits.put(key, own);
                    notes.put(
                            key,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "Weibayes %s days: %d failures in %d servers of batch %s, where the rest of %s"
                                            + " fail at a rate that expects %.1f (P = %.1g that a batch failing as"
                                            + " they do takes %d or more of the %d failures), so the batch has a"
                                            + " life of its own",
                                    own.parameters(),
                                    failed,
                                    data.unitCount(),
                                    name,
                                    sku,
                                    expected,
                                    p,
                                    failed,
                                    total));
                    split = true;
                } catch (IllegalArgumentException e) {
                    kept.addAll(batch.getValue());
                }
            }
            rest.put(sku, kept);
        }
        if (split) {
            skuLives(rest, fits, notes);
        } else {
            fits.putAll(first);
        }
    }

    /** The shape SKUs with few failures take (see {@link #fitLives}), and where it came from, for people. */
    private record SharedShape(double shape, String source) {
        /**
         * The shape all SKUs share, each with a scale of its own, from every failure in the fleet: SKUs of one kind of
         * machine wear out alike, and a few failures per SKU say little on their own. 1 below {@value
         * #FAILURES_FOR_SHAPE} failures.
         */
        static SharedShape of(List<LifeData> weighable, long failures) {
            if (failures < FAILURES_FOR_SHAPE) {
                return new SharedShape(
                        1, "1 (exponential: the fleet has fewer than " + FAILURES_FOR_SHAPE + " failures)");
            }
            try {
                double shape = Weibayes.commonShape(weighable);
                return new SharedShape(
                        shape,
                        String.format(
                                java.util.Locale.ROOT,
                                "%.3f, the shape the fleet's %d failures share (each SKU with its own scale)",
                                shape,
                                failures));
            } catch (IllegalArgumentException e) {
                return new SharedShape(
                        1, "1 (exponential: the fleet's failures give no shape: " + e.getMessage() + ")");
            }
        }
    }

    /** P(X >= k) for X binomial with n trials and success probability {@code q}. */
    static double binomialAtLeast(long k, long n, double q) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        return Beta.regularizedBeta(q, (double) k, (double) (n - k + 1));
    }

    /** The SKU lives of {@code bySku}'s records, into {@code fits}, with their notes (see {@link #fitLives}). */
    private static void skuLives(
            Map<String, List<LifeRecord>> bySku, Map<String, LifeDistribution> fits, Map<String, String> notes) {
        Map<String, LifeData> few = new LinkedHashMap<>();
        List<LifeData> weighable = new ArrayList<>();
        long fleetFailureCount = 0;
        for (Map.Entry<String, List<LifeRecord>> entry : bySku.entrySet()) {
            String sku = entry.getKey();
            LifeData data = FleetLifeService.lifeDataInDays(entry.getValue());
            fleetFailureCount += data.failureCount();
            try {
                Weibayes.exposure(data, 1);
                weighable.add(data);
            } catch (IllegalArgumentException e) {
                // Data Weibayes cannot weigh (censored in intervals) stays out of the shared shape.
            }
            if (data.failureCount() < FAILURES_FOR_SHAPE) {
                few.put(sku, data);
                continue;
            }
            LifeDistribution life = fitFreely(sku, data, notes);
            if (life != null) {
                fits.put(sku, life);
            }
        }
        SharedShape shared = SharedShape.of(weighable, fleetFailureCount);
        double shape = shared.shape();
        String source = shared.source();
        // The fleet's failure rate at that shape (all SKUs' failures over all their exposure) weighs in as a prior
        // worth PRIOR_FAILURES failures: one early failure among a few young servers does not read as a short life.
        double fleetFailures = 0;
        double fleetExposure = 0;
        for (List<LifeRecord> records : bySku.values()) {
            LifeData data = FleetLifeService.lifeDataInDays(records);
            try {
                fleetExposure += Weibayes.exposure(data, shape);
                fleetFailures += data.failureCount();
            } catch (IllegalArgumentException e) {
                // Data Weibayes cannot weigh (censored in intervals) stays out of the prior.
            }
        }
        double priorExposure = fleetFailures == 0 ? 0 : PRIOR_FAILURES * fleetExposure / fleetFailures;
        double priorFailures = fleetFailures == 0 ? 0 : PRIOR_FAILURES;
        few.forEach((sku, data) -> {
            if (data.failureCount() == 0 && priorFailures == 0) {
                notes.put(sku, "no failures in " + data.unitCount() + " servers, nor in the fleet: none expected");
                return;
            }
            try {
                Weibull life = Weibayes.fit(data, shape, priorFailures, priorExposure);
                fits.put(sku, life);
                notes.put(
                        sku,
                        "Weibayes " + life.parameters() + " days, from " + data.failureCount() + " failures in "
                                + data.unitCount() + " servers, too few to fit a shape, with the fleet's rate as "
                                + PRIOR_FAILURES + " more; shape " + source);
            } catch (IllegalArgumentException e) {
                LifeDistribution life = fitFreely(sku, data, notes);
                if (life != null) {
                    fits.put(sku, life);
                }
            }
        });
    }

    /** A Weibull fitted to {@code data}, else an exponential, with its note; null when neither fits. */
    private static @Nullable LifeDistribution fitFreely(String sku, LifeData data, Map<String, String> notes) {
        for (Family family : List.of(Family.WEIBULL_2P, Family.EXPONENTIAL_1P)) {
            try {
                LifeDistribution life =
                        MaximumLikelihood.fit(family, data, 0.95).distribution();
                notes.put(
                        sku,
                        family.label() + " " + life.parameters() + " days, from " + data.failureCount()
                                + " failures in " + data.unitCount() + " servers");
                return life;
            } catch (IllegalArgumentException e) {
                notes.put(sku, family.label() + " could not be fitted: " + e.getMessage());
            }
        }
        return null;
    }

    private static Map<String, Map<Resource, DemandForecast>> demand(
            List<ClusterDemandForecaster.History> histories,
            LocalDate dataFirst,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles,
            LocalDate asOf,
            int horizon,
            WhatIf whatIf,
            Map<String, ClusterInfo> clusters,
            Progress progress) {
        Map<String, Map<Resource, DemandForecast>> demand = new TreeMap<>();
        List<DemandForecast> forecasts = ClusterDemandForecaster.forecast(
                histories,
                dataFirst,
                asOf,
                horizon,
                inputs,
                adjustments,
                profiles,
                (done, total) -> progress.progress("demand forecasts", done, total));
        for (DemandForecast forecast : forecasts) {
            double factor = whatIf.scale(forecast.cluster());
            clusters.computeIfAbsent(forecast.cluster(), name -> new ClusterInfo("", ""));
            demand.computeIfAbsent(forecast.cluster(), name -> new EnumMap<>(Resource.class))
                    .put(forecast.resource(), factor == 1 ? forecast : forecast.scaled(factor));
        }
        return demand;
    }

    /**
     * A one-off event named with its year ("Global Sports Final 2027") under its name without the year, so its
     * occurrences share one lift and a future one carries what the past ones showed.
     */
    static StoredEvent withoutYear(StoredEvent event) {
        String name = YEAR_SUFFIX.matcher(event.name()).replaceFirst("");
        return name.equals(event.name()) || name.isBlank()
                ? event
                : new StoredEvent(name, event.kind(), event.start(), event.end(), event.scope(), event.scopeValue());
    }

    private static Map<String, Map<Resource, SupplyPath>> withAddedSupply(
            Map<String, Map<Resource, SupplyPath>> supply,
            WhatIf whatIf,
            LocalDate asOf,
            Map<String, ClusterInfo> clusters,
            Map<String, SkuRecord> skus,
            Map<String, ServerShape> shapes,
            LeadTimes leadTimes) {
        if (whatIf.added().isEmpty()) {
            return supply;
        }
        Map<String, Map<Resource, SupplyPath>> changed = new TreeMap<>(supply);
        for (WhatIf.AddedSupply added : whatIf.added()) {
            if (!clusters.containsKey(added.cluster()) || !changed.containsKey(added.cluster())) {
                throw FleetcastException.badInput("--add-supply names cluster " + added.cluster()
                        + ", which has no servers or orders; clusters are " + clusters.keySet());
            }
            if (!skus.containsKey(added.sku())) {
                throw FleetcastException.badInput(
                        "--add-supply names SKU " + added.sku() + ", which the SKU catalog does not have");
            }
            LocalDate date = added.date();
            if (date == null) {
                Optional<EmpiricalDays> lead = leadTimes.leadTime(added.sku());
                if (lead.isEmpty()) {
                    throw FleetcastException.badInput("--add-supply " + added.describe() + ": no lead time is known ("
                            + "no delivered orders are stored); give the day it arrives as @YYYY-MM-DD");
                }
                date = asOf.plusDays(lead.orElseThrow().quantile(0.5));
            }
            int from = (int) ChronoUnit.DAYS.between(asOf.plusDays(1), date);
            ServerShape shape = requireNonNull(shapes.get(added.sku()));
            Map<Resource, SupplyPath> paths = new EnumMap<>(Resource.class);
            requireNonNull(changed.get(added.cluster()))
                    .forEach((resource, path) ->
                            paths.put(resource, path.plus(from, added.quantity() * shape.capacity(resource))));
            changed.put(added.cluster(), paths);
        }
        return changed;
    }

    /**
     * The owned SKUs of each cluster: those it runs (in service on the plan's day) or has ordered (orders not
     * cancelled).
     */
    private static Map<String, Set<String>> ownedSkusByCluster(
            List<StoredOrder> orders, List<InventoryGroup> inventory) {
        Map<String, Set<String>> byCluster = new HashMap<>();
        for (StoredOrder order : orders) {
            String cluster = order.cluster();
            if (cluster != null && !order.status().equals("cancelled")) {
                byCluster.computeIfAbsent(cluster, c -> new TreeSet<>()).add(order.sku());
            }
        }
        for (InventoryGroup group : inventory) {
            if (group.ownership().equals("owned")) {
                byCluster.computeIfAbsent(group.cluster(), c -> new TreeSet<>()).add(group.sku());
            }
        }
        return byCluster;
    }

    /**
     * Each owned SKU's product line, for lead times: the SKUs of the clusters it runs in or is ordered for, itself
     * included. A cluster is built of one line of servers, so its generations share a supplier.
     */
    private static Map<String, Set<String>> productLines(Map<String, Set<String>> skusByCluster) {
        Map<String, Set<String>> lines = new HashMap<>();
        for (Set<String> skusOfCluster : skusByCluster.values()) {
            for (String sku : skusOfCluster) {
                lines.computeIfAbsent(sku, s -> new TreeSet<>()).addAll(skusOfCluster);
            }
        }
        return lines;
    }

    /**
     * The day each SKU came into the fleet: its first order (not cancelled) or its first server in service, whichever
     * is earlier. A later day means a newer SKU.
     */
    private static Map<String, LocalDate> introduced(List<StoredOrder> orders, List<InventoryGroup> inventory) {
        Map<String, LocalDate> first = new HashMap<>();
        BinaryOperator<LocalDate> earlier = (a, b) -> a.isBefore(b) ? a : b;
        for (StoredOrder order : orders) {
            if (!order.status().equals("cancelled")) {
                first.merge(order.sku(), order.ordered(), earlier);
            }
        }
        inventory.forEach(group -> first.merge(group.sku(), group.installed(), earlier));
        return first;
    }

    /**
     * The fleet's product lines for orders: the owned SKUs that share a cluster, and the SKUs those share one with,
     * and so on. In order of each line's first SKU by name.
     */
    private static List<Set<String>> lineGroups(Map<String, Set<String>> skusByCluster) {
        Map<String, String> parent = new HashMap<>();
        for (Set<String> together : skusByCluster.values()) {
            String first = together.iterator().next();
            for (String sku : together) {
                parent.putIfAbsent(sku, sku);
                parent.putIfAbsent(first, first);
                parent.put(root(parent, sku), root(parent, first));
            }
        }
        Map<String, Set<String>> byRoot = new TreeMap<>();
        for (String sku : new TreeSet<>(parent.keySet())) {
            byRoot.computeIfAbsent(root(parent, sku), r -> new TreeSet<>()).add(sku);
        }
        List<Set<String>> lines = new ArrayList<>(byRoot.values());
        lines.sort(Comparator.comparing((Set<String> line) -> line.iterator().next()));
        return lines;
    }

    private static String root(Map<String, String> parent, String sku) {
        String at = sku;
        while (!requireNonNull(parent.get(at)).equals(at)) {
            at = requireNonNull(parent.get(at));
        }
        return at;
    }

    /**
     * What to order from {@code candidates} (a cluster's owned SKUs, those it runs or has ordered, or a product line):
     * the newest to the fleet; none without a price and a lead time. A cluster is expanded with its current
     * generation, not the one it was last ordered in: servers of a newer SKU already in it show that generation is
     * bought for it.
     *
     * @param why why this SKU, for people; the day it came into the fleet is added
     */
    private static Optional<OrderOption> orderOption(
            Set<String> candidates,
            String why,
            Map<String, LocalDate> introduced,
            Map<String, SkuRecord> skus,
            Map<String, ServerShape> shapes,
            LeadTimes leadTimes) {
        Optional<String> newest = candidates.stream()
                .max(Comparator.comparing((String sku) -> requireNonNull(introduced.get(sku)))
                        .thenComparing(Comparator.naturalOrder()));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String sku = newest.orElseThrow();
        SkuRecord record = requireNonNull(skus.get(sku));
        Optional<EmpiricalDays> lead = leadTimes.leadTime(sku);
        if (record.priceUsd() == null || lead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderOption(
                sku,
                requireNonNull(shapes.get(sku)),
                requireNonNull(record.priceUsd()).doubleValue(),
                lead.orElseThrow(),
                leadTimes.leadTimeSource(sku),
                why + " (in the fleet since " + introduced.get(sku) + ")"));
    }

    /**
     * The instance type a cluster of owned servers and cloud instances runs on demand: the SKU most of its on-demand
     * instances are (the first by name on a tie), or with none on demand most of its reserved ones; none without
     * instances.
     */
    private static Optional<BurstOption> burstOption(
            ClusterInfo info, Map<String, SkuRecord> skus, Map<String, ServerShape> shapes) {
        Map<String, Integer> instances = info.onDemand.isEmpty() ? info.reserved : info.onDemand;
        return instances.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .flatMap(entry -> {
                    SkuRecord sku = requireNonNull(skus.get(entry.getKey()));
                    return Optional.ofNullable(sku.hourlyUsd())
                            .map(price -> new BurstOption(
                                    sku.sku(), requireNonNull(shapes.get(sku.sku())), price.doubleValue()));
                });
    }

    /** A cluster's place and kind, as the inventory tells. */
    private static final class ClusterInfo {
        final String region;
        final String site;
        boolean owned;
        /** Cloud instances per SKU: on demand, reserved. */
        final Map<String, Integer> onDemand = new TreeMap<>();

        final Map<String, Integer> reserved = new TreeMap<>();

        ClusterInfo(String region, String site) {
            this.region = region;
            this.site = site;
        }

        Map<String, Integer> instances(String ownership) {
            return ownership.equals("reserved") ? reserved : onDemand;
        }

        /** Whether it scales on demand: cloud instances and no owned servers. */
        boolean elastic() {
            return !owned && !(onDemand.isEmpty() && reserved.isEmpty());
        }

        /** Its cloud instances' capacity per resource, by how they are bought; empty without instances. */
        Map<Resource, CloudCapacity> cloudCapacity(Map<String, ServerShape> shapes) {
            Map<Resource, CloudCapacity> capacity = new EnumMap<>(Resource.class);
            if (onDemand.isEmpty() && reserved.isEmpty()) {
                return capacity;
            }
            for (Resource resource : Resource.values()) {
                capacity.put(
                        resource,
                        new CloudCapacity(held(reserved, resource, shapes), held(onDemand, resource, shapes)));
            }
            return capacity;
        }

        private static double held(Map<String, Integer> instances, Resource resource, Map<String, ServerShape> shapes) {
            double held = 0;
            for (Map.Entry<String, Integer> entry : instances.entrySet()) {
                held += entry.getValue()
                        * requireNonNull(shapes.get(entry.getKey())).capacity(resource);
            }
            return held;
        }
    }
}
