package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.organization.Organization;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.organization.Workload;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/**
 * The demand of the whole fleet: which services run in which clusters, their noise-free expected demand on every
 * simulated day (per placement and summed per cluster), the events, drivers and launches that shape it, and the
 * allocations teams hold.
 *
 * <p>Expected used demand of a placement on day d, for cpu and memory:
 *
 * <pre>
 *   E(d) = perLoad × level × ramp(d) × trend(d) × season(d) × lift(d) + steps(d)
 * </pre>
 *
 * and for storage {@code perLoad × level × ramp(d) × trend(d) + steps(d)}. For a driven service {@code trend × season}
 * is {@code (driver(d) / driverTrend(end))^elasticity}; otherwise {@code trend(d) = exp(growth × years from end)} and
 * {@code season} is its weekly factor times {@code 1 + a cos(2π (dayOfYear − peak) / 365.25)}. {@code level} is
 * calibrated per cluster so that its demand at the end of the history would fill 40% (cloud: 66%) of its target
 * number of current-generation servers; as the planner also keeps older, smaller generations and plans ahead for
 * growth and peaks, the cluster then holds about its target number of servers. Observed demand multiplies the expectation by autocorrelated
 * log-normal noise with mean 1 (and, for driven services, uses the observed driver value).
 */
public final class DemandModel {
    private static final double OWNED_UTILIZATION_AT_END = 0.4;
    private static final double CLOUD_UTILIZATION_AT_END = 0.66;
    private static final int ALLOCATION_REVIEW_DAYS = 28;
    private static final int ALLOCATION_LOOKAHEAD_DAYS = 90;
    private static final List<String> AUTHORS = List.of(
            "maria.garcia",
            "wei.chen",
            "olusegun.adeyemi",
            "anna.kowalska",
            "rahul.mehta",
            "sofia.rossi",
            "james.oconnor",
            "yuki.tanaka",
            "fatima.haddad",
            "lucas.silva");
    private static final List<String> FEATURES = List.of(
            "the new recommendations model",
            "a regional expansion",
            "HD video uploads",
            "the redesigned checkout flow",
            "real-time notifications",
            "the partner API",
            "a new customer onboarding",
            "full-text search over attachments",
            "the loyalty programme relaunch",
            "an ML ranking upgrade");

    private final Timeline timeline;
    private final ImmutableList<Placement> placements;
    private final ImmutableList<DemandEvent> events;
    private final Drivers drivers;
    private final ImmutableList<Launch> launches;
    private final ImmutableList<EnumMap<Resource, double[]>> clusterExpected;
    private final ImmutableList<EnumMap<Resource, double[]>> clusterPeak;

    private DemandModel(
            Timeline timeline,
            List<Placement> placements,
            List<DemandEvent> events,
            Drivers drivers,
            List<Launch> launches,
            List<EnumMap<Resource, double[]>> clusterExpected,
            List<EnumMap<Resource, double[]>> clusterPeak) {
        this.timeline = timeline;
        this.placements = ImmutableList.copyOf(placements);
        this.events = ImmutableList.copyOf(events);
        this.drivers = drivers;
        this.launches = ImmutableList.copyOf(launches);
        this.clusterExpected = ImmutableList.copyOf(clusterExpected);
        this.clusterPeak = ImmutableList.copyOf(clusterPeak);
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Every placement, ordered by cluster and then service. */
    public ImmutableList<Placement> placements() {
        return placements;
    }

    /** Holidays and one-off events, by start day. */
    public ImmutableList<DemandEvent> events() {
        return events;
    }

    public Drivers drivers() {
        return drivers;
    }

    /** Launch step adjustments, by start day. */
    public ImmutableList<Launch> launches() {
        return launches;
    }

    /** The cluster's noise-free expected used {@code resource} on {@code day}: the sum over its placements. */
    public double clusterExpected(int cluster, Resource resource, int day) {
        return series(clusterExpected, cluster, resource)[timeline.index(day)];
    }

    /** The highest {@link #clusterExpected} on any day up to and including {@code day}. */
    public double clusterPeakUpTo(int cluster, Resource resource, int day) {
        return series(clusterPeak, cluster, resource)[timeline.index(Math.min(day, timeline.latestDay()))];
    }

    /** Placements in {@code cluster}. */
    public List<Placement> placementsIn(Cluster cluster) {
        return placements.stream()
                .filter(placement -> placement.cluster().index() == cluster.index())
                .toList();
    }

    /** The demand of a fleet of about {@code servers} servers. */
    public static DemandModel build(
            Timeline timeline,
            int servers,
            Topology topology,
            Organization organization,
            SkuCatalog catalog,
            RandomStream random) {
        requireNonNull(timeline, "timeline is null");
        List<Service> services = organization.services();
        Drivers drivers = Drivers.build(timeline, servers, services, random.derive("drivers"));
        List<ServiceDemand> demands = new ArrayList<>();
        RandomStream serviceRandom = random.derive("services");
        for (Service service : services) {
            demands.add(ServiceDemand.draw(
                    service, drivers.bindingOf(service).orElse(null), timeline, serviceRandom.derive(service.index())));
        }
        ImmutableList<DemandEvent> events =
                EventCalendar.build(timeline, topology.regions(), services, random.derive("events"));

        List<Placement> placements = place(timeline, topology, demands, random.derive("placements"));
        calibrate(timeline, topology, catalog, placements);
        int[] dayOfYear = new int[timeline.length()];
        for (int i = 0; i < dayOfYear.length; i++) {
            dayOfYear[i] = Timeline.date(timeline.earliestDay() + i).getDayOfYear();
        }
        for (Placement placement : placements) {
            fillExpected(timeline, placement, events, dayOfYear);
        }
        List<Launch> launches = launches(timeline, placements, random.derive("launches"));
        for (Launch launch : launches) {
            float[] values = launch.placement().expectedArray(launch.resource());
            for (int i = timeline.index(launch.startDay()); i < values.length; i++) {
                values[i] += (float) launch.step();
            }
            launch.placement().addLaunch(launch);
        }
        int clusters = topology.clusters().size();
        List<EnumMap<Resource, double[]>> sums = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            EnumMap<Resource, double[]> byResource = new EnumMap<>(Resource.class);
            for (Resource resource : Resource.values()) {
                byResource.put(resource, new double[timeline.length()]);
            }
            sums.add(byResource);
        }
        for (Placement placement : placements) {
            for (Resource resource : Resource.values()) {
                float[] values = placement.expectedArray(resource);
                double[] sum = series(sums, placement.cluster().index(), resource);
                for (int i = 0; i < values.length; i++) {
                    sum[i] += values[i];
                }
            }
            allocate(timeline, placement);
        }
        List<EnumMap<Resource, double[]>> peaks = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            EnumMap<Resource, double[]> byResource = new EnumMap<>(Resource.class);
            for (Resource resource : Resource.values()) {
                double[] peak = series(sums, c, resource).clone();
                for (int i = 1; i < peak.length; i++) {
                    peak[i] = Math.max(peak[i], peak[i - 1]);
                }
                byResource.put(resource, peak);
            }
            peaks.add(byResource);
        }
        return new DemandModel(timeline, placements, events, drivers, launches, sums, peaks);
    }

    private static double[] series(List<EnumMap<Resource, double[]>> series, int cluster, Resource resource) {
        double[] values = series.get(cluster).get(resource);
        if (values == null) {
            throw new IllegalStateException("no series of " + resource + " for cluster " + cluster);
        }
        return values;
    }

    private static List<Placement> place(
            Timeline timeline, Topology topology, List<ServiceDemand> demands, RandomStream random) {
        RandomStream popularityRandom = random.derive("popularity");
        double[] popularity = new double[demands.size()];
        for (int i = 0; i < popularity.length; i++) {
            double draw = popularityRandom.uniform(0.15, 1);
            popularity[i] = draw * draw;
        }
        List<List<ServiceDemand>> chosen = new ArrayList<>();
        RandomStream choosing = random.derive("choose");
        for (Cluster cluster : topology.clusters()) {
            List<ServiceDemand> compatible = compatible(cluster, demands);
            int wanted = cluster.isCloud() ? choosing.integer(3, 6) : choosing.integer(6, 12);
            List<ServiceDemand> picks = new ArrayList<>();
            List<ServiceDemand> pool = new ArrayList<>(compatible);
            while (picks.size() < wanted && !pool.isEmpty()) {
                double[] weights = new double[pool.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = popularity[pool.get(i).service().index()];
                }
                picks.add(pool.remove(choosing.weightedIndex(weights)));
            }
            chosen.add(picks);
        }
        // Every service runs somewhere: an unplaced one joins a compatible cluster, owned ones first.
        for (ServiceDemand demand : demands) {
            boolean placed = chosen.stream().anyMatch(list -> list.contains(demand));
            if (placed) {
                continue;
            }
            List<Cluster> hosts = new ArrayList<>();
            for (Cluster cluster : topology.clusters()) {
                if (!cluster.isCloud() && compatible(cluster, demands).contains(demand)) {
                    hosts.add(cluster);
                }
            }
            if (hosts.isEmpty()) {
                hosts.add(topology.clusters().get(0));
            }
            chosen.get(choosing.pick(hosts).index()).add(demand);
        }
        List<Placement> placements = new ArrayList<>();
        for (Cluster cluster : topology.clusters()) {
            List<ServiceDemand> members = new ArrayList<>(chosen.get(cluster.index()));
            members.sort(Comparator.comparingInt(demand -> demand.service().index()));
            for (ServiceDemand demand : members) {
                RandomStream placementRandom = random.derive(
                        "placement-" + cluster.name() + "-" + demand.service().name());
                int start = cluster.buildDay() + placementRandom.integer(5, 40);
                if (cluster.buildDay() < timeline.firstDay() - 60 && placementRandom.chance(0.2)) {
                    // Some services moved into an existing cluster later.
                    start = Math.max(start, placementRandom.integer(cluster.buildDay() + 60, timeline.lastDay() - 90));
                }
                if (demand.startDay() > start) {
                    start = demand.startDay() + placementRandom.integer(0, 20);
                }
                double extraGrowth = cluster.designedToExhaust() && demand.binding() == null
                        ? placementRandom.uniform(0.25, 0.4)
                        : 0;
                Placement placement = new Placement(
                        placements.size(),
                        demand,
                        cluster,
                        timeline,
                        start,
                        placementRandom.integer(20, 75),
                        extraGrowth);
                placement.setLevel(placementRandom.uniform(0.4, 1.6));
                placements.add(placement);
            }
        }
        return placements;
    }

    private static List<ServiceDemand> compatible(Cluster cluster, List<ServiceDemand> demands) {
        List<ServiceDemand> compatible = demands.stream()
                .filter(demand -> demand.service().workload().family() == cluster.family())
                .toList();
        if (!compatible.isEmpty()) {
            return compatible;
        }
        return demands.stream()
                .filter(demand -> demand.service().workload() == Workload.INTERACTIVE
                        || demand.service().workload() == Workload.BATCH)
                .toList();
    }

    /** Turns each placement's share (its provisional level) into a level so the cluster is sized as targeted. */
    private static void calibrate(
            Timeline timeline, Topology topology, SkuCatalog catalog, List<Placement> placements) {
        for (Cluster cluster : topology.clusters()) {
            EnumMap<Resource, Double> capacity = new EnumMap<>(Resource.class);
            for (Resource resource : Resource.values()) {
                capacity.put(
                        resource,
                        cluster.isCloud()
                                ? catalog.cloudType(cluster.region().cloudProvider(), cluster.family())
                                        .capacity(resource)
                                : catalog.currentOwned(cluster.family(), timeline.lastDay())
                                        .capacity(resource));
            }
            List<Placement> members = placements.stream()
                    .filter(placement -> placement.cluster().index() == cluster.index())
                    .toList();
            double binding = 0;
            for (Resource resource : Resource.values()) {
                double needed = 0;
                for (Placement placement : members) {
                    needed += placement.level() * placement.demand().perLoad(resource);
                }
                binding = Math.max(binding, needed / capacity.getOrDefault(resource, 1.0));
            }
            if (binding <= 0) {
                continue;
            }
            double utilization = cluster.isCloud() ? CLOUD_UTILIZATION_AT_END : OWNED_UTILIZATION_AT_END;
            double scale = cluster.targetUnits() * utilization / binding;
            for (Placement placement : members) {
                placement.setLevel(placement.level() * scale);
            }
        }
    }

    private static void fillExpected(
            Timeline timeline, Placement placement, List<DemandEvent> events, int[] dayOfYear) {
        int length = timeline.length();
        double[] lift = new double[length];
        Arrays.fill(lift, 1.0);
        for (DemandEvent event : events) {
            if (event.appliesTo(placement.service(), placement.cluster())) {
                for (int day = event.startDay(); day <= event.endDay(); day++) {
                    if (day >= timeline.earliestDay() && day <= timeline.latestDay()) {
                        lift[timeline.index(day)] *= event.lift();
                    }
                }
            }
        }
        ServiceDemand demand = placement.demand();
        float[] cpu = new float[length];
        float[] memory = new float[length];
        float[] storage = new float[length];
        double cpuPerLoad = demand.perLoad(Resource.CPU);
        double memoryPerLoad = demand.perLoad(Resource.MEMORY);
        double storagePerLoad = demand.perLoad(Resource.STORAGE);
        for (int i = timeline.index(Math.max(placement.startDay(), timeline.earliestDay())); i < length; i++) {
            int day = timeline.earliestDay() + i;
            double load = placement.level() * placement.ramp(day) * trend(timeline, placement, day);
            double seasonal = season(timeline, placement, day, dayOfYear[i]);
            cpu[i] = (float) (cpuPerLoad * load * seasonal * lift[i]);
            memory[i] = (float) (memoryPerLoad * load * seasonal * lift[i]);
            storage[i] = (float) (storagePerLoad * load);
        }
        placement.setExpected(Resource.CPU, cpu);
        placement.setExpected(Resource.MEMORY, memory);
        placement.setExpected(Resource.STORAGE, storage);
    }

    /** The deseasonalised growth factor relative to the end of the history. */
    static double trend(Timeline timeline, Placement placement, int day) {
        double years = timeline.yearsFromEnd(day);
        DriverBinding binding = placement.binding();
        double extra = StrictMath.exp(placement.extraGrowthPerYear() * years);
        if (binding == null) {
            return StrictMath.exp(placement.demand().growthPerYear() * years) * extra;
        }
        TrafficDriver driver = binding.driver();
        return StrictMath.pow(driver.trend(day) / driver.trend(timeline.lastDay()), binding.elasticity()) * extra;
    }

    /** The expected seasonal factor (weekly × yearly, or the driver's seasonal deviation to the elasticity). */
    static double season(Timeline timeline, Placement placement, int day, int dayOfYear) {
        DriverBinding binding = placement.binding();
        if (binding == null) {
            ServiceDemand demand = placement.demand();
            return demand.weekly(Timeline.dayOfWeek(day)) * demand.yearly(dayOfYear);
        }
        TrafficDriver driver = binding.driver();
        return StrictMath.pow(driver.expected(day) / driver.trend(day), binding.elasticity());
    }

    private static List<Launch> launches(Timeline timeline, List<Placement> placements, RandomStream random) {
        int past = timeline.historyDays() >= 120 ? Math.max(2, (int) Math.round(placements.size() * 0.04)) : 0;
        int future = Math.max(1, (int) Math.round(placements.size() * 0.02));
        List<Placement> available = new ArrayList<>(placements);
        List<Launch> provisional = new ArrayList<>();
        for (int k = 0; k < past + future; k++) {
            boolean isFuture = k >= past;
            int day = isFuture
                    ? random.integer(timeline.lastDay() + 14, timeline.lastDay() + 240)
                    : random.integer(timeline.firstDay() + 45, timeline.lastDay() - 10);
            List<Placement> candidates = available.stream()
                    .filter(placement -> placement.startDay() <= day - 60)
                    .toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Placement placement = random.pick(candidates);
            available.remove(placement);
            double fraction = random.uniform(0.15, 0.4);
            int created = day - random.integer(21, 120);
            if (created > timeline.lastDay()) {
                created = timeline.lastDay() - random.integer(0, 20);
            }
            int minute = random.integer(8 * 60, 18 * 60 - 1);
            String author = random.pick(AUTHORS);
            String reason = "Launch of " + random.pick(FEATURES) + " ("
                    + placement.service().name() + " in " + placement.cluster().name() + ")";
            List<Resource> resources = placement.service().workload() == Workload.STORAGE
                    ? List.of(Resource.STORAGE)
                    : List.of(Resource.CPU, Resource.MEMORY);
            double load = placement.level() * placement.ramp(day) * trend(timeline, placement, day);
            for (Resource resource : resources) {
                double step =
                        roundStep(resource, fraction * load * placement.demand().perLoad(resource));
                provisional.add(new Launch("", placement, resource, day, step, created, minute, author, reason));
            }
        }
        provisional.sort(Comparator.comparingInt(Launch::startDay)
                .thenComparing(launch -> launch.placement().service().name())
                .thenComparing(launch -> launch.placement().cluster().name())
                .thenComparing(Launch::resource));
        List<Launch> launches = new ArrayList<>();
        for (Launch launch : provisional) {
            launches.add(new Launch(
                    String.format(Locale.ROOT, "ADJ-%04d", launches.size() + 1),
                    launch.placement(),
                    launch.resource(),
                    launch.startDay(),
                    launch.step(),
                    launch.createdDay(),
                    launch.createdMinute(),
                    launch.author(),
                    launch.reason()));
        }
        return launches;
    }

    private static double roundStep(Resource resource, double value) {
        return switch (resource) {
            case CPU -> Math.max(1, Math.round(value));
            case MEMORY -> Math.max(8, Math.round(value / 8) * 8);
            case STORAGE -> Math.max(0.1, Math.round(value * 10) / 10.0);
        };
    }

    /**
     * Allocation policy: every 28 days the team compares its allocation with the peak expected demand of the next 90
     * days times its headroom; it raises the allocation (to 5% above that target, rounded up to two significant
     * digits) when short, and gives some back only when holding more than 1.6 times the target.
     */
    private static void allocate(Timeline timeline, Placement placement) {
        int first = timeline.firstDay();
        int last = timeline.currentQuarterEndDay();
        double headroom = placement.demand().headroom();
        for (Resource resource : Resource.values()) {
            float[] expected = placement.expectedArray(resource);
            float[] allocated = new float[last - first + 1];
            double current = 0;
            int nextReview = Math.max(placement.startDay(), timeline.earliestDay());
            for (int day = nextReview; day <= last; day++) {
                if (day == nextReview) {
                    double peak = 0;
                    int to = Math.min(day + ALLOCATION_LOOKAHEAD_DAYS, timeline.latestDay());
                    for (int i = timeline.index(day); i <= timeline.index(to); i++) {
                        peak = Math.max(peak, expected[i]);
                    }
                    double target = peak * headroom;
                    if (current < target * 0.97) {
                        current = roundUpTwoDigits(target * 1.05);
                    } else if (current > target * 1.6) {
                        current = roundUpTwoDigits(target * 1.15);
                    }
                    nextReview += ALLOCATION_REVIEW_DAYS;
                }
                if (day >= first) {
                    allocated[day - first] = (float) current;
                }
            }
            placement.setAllocated(resource, allocated);
        }
    }

    static double roundUpTwoDigits(double value) {
        if (value <= 0) {
            return 0;
        }
        double magnitude = StrictMath.pow(10, Math.floor(StrictMath.log10(value)) - 1);
        return Math.ceil(value / magnitude - 1e-9) * magnitude;
    }
}
