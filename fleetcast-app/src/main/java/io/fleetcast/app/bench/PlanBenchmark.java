package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.math.Quantiles;
import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.app.capacity.UtilizationRequest;
import io.fleetcast.app.capacity.UtilizationService;
import io.fleetcast.app.capacity.WhatIf;
import io.fleetcast.app.fleet.FleetOverviewRequest;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.capacity.PathDay;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The capacity plan at fleet scale (issue 5's target: 100,000 servers with 3 years of daily usage planned end to end
 * in under 60 s on 2 cores, dashboard drill-downs at p95 under 300 ms). Simulates the fleet once (kept in the work
 * folder and reused), loads the kinds the plan reads into a fresh store (timed apart), then per round times the full
 * plan (stored as a new version) stage by stage with its peak memory, the dashboard's drill-down queries, and DuckDB's
 * own aggregate of the same usage as the floor for the plan's demand read.
 */
public final class PlanBenchmark {
    /** The plan's target wall time, in seconds. */
    public static final double PLAN_TARGET_SECONDS = 60;

    /** The drill-down queries' target 95th percentile, in milliseconds. */
    public static final double DRILL_DOWN_TARGET_P95_MILLIS = 300;

    /** Names of the time between the plan's reported steps: what {@link CapacityPlanService#plan} does there. */
    private static final ImmutableMap<String, String> PLAN_GAPS = ImmutableMap.of(
            "life fits", "read inventory, orders; lead times",
            "demand forecasts", "supply forecast; read demand history",
            "headroom backtests", "sum cluster demand",
            "headroom and orders", "pool the clusters' backtest errors");

    private static final String AFTER_PLAN = "allocation, utilization, document, save";

    /** Written into the simulation folder once the simulation is complete, holding its configuration. */
    private static final String MARKER = "plan-benchmark-simulation.txt";

    private static final int HORIZON_DAYS = 365;
    private static final double SERVICE_LEVEL = 0.99;

    /**
     * What to measure.
     *
     * @param servers the simulated fleet's servers
     * @param days days of history
     * @param seed the simulation's seed; also seeds the choice of drill-down targets
     * @param folder where the simulation (kept) and the store (replaced each run) go
     * @param rounds plans timed, each followed by the queries
     * @param repeats timed runs of each drill-down query per round (after one untimed warm-up run)
     * @param threads DuckDB threads
     */
    public record Request(int servers, int days, long seed, Path folder, int rounds, int repeats, int threads) {
        public Request {
            requireNonNull(folder, "folder is null");
            if (rounds < 1 || repeats < 1 || threads < 1) {
                throw FleetcastException.badInput("--rounds, --repeats and --threads must be at least 1, got " + rounds
                        + ", " + repeats + " and " + threads);
            }
        }

        SimulationConfig simulation() {
            try {
                return new SimulationConfig(servers, days, seed, SimulationConfig.DEFAULT_END);
            } catch (IllegalArgumentException e) {
                throw FleetcastException.badInput(String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * A part of the plan's wall time.
     *
     * @param name what ran
     * @param seconds its wall time
     * @param items for a step the plan reports: the last total it reported (service series, clusters); else 0
     */
    public record Stage(String name, double seconds, int items) {}

    /** One kind loaded into the store: rows and seconds. */
    public record Load(String kind, long rows, double seconds) {}

    /**
     * One query's repeated timings, or why it could not be timed.
     *
     * @param name the query
     * @param scope what each run asks for
     * @param latency the timings; {@code null} when the query failed
     * @param failure the failure's message; {@code null} when the query ran
     */
    public record Query(
            String name,
            String scope,
            @Nullable LatencySummary latency,
            @Nullable String failure) {
        public Query {
            if ((latency == null) == (failure == null)) {
                throw new IllegalArgumentException("a query has timings or a failure, not both nor neither");
            }
        }

        static Query of(String name, String scope, int repeats, IntConsumer call) {
            try {
                return new Query(name, scope, time(repeats, call), null);
            } catch (FleetcastException e) {
                String message =
                        String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                return new Query(name, scope, null, message.substring(0, Math.min(message.length(), 240)));
            }
        }
    }

    /**
     * One round.
     *
     * @param planVersion the stored plan's version
     * @param planSeconds the plan's wall time, {@code fleetcast plan} end to end but for opening the store
     * @param stages the plan's wall time by stage; they add up to {@code planSeconds}
     * @param planEntries the plan's (cluster, resource) entries
     * @param planPeakHeapBytes the sum of the heap pools' peaks during the plan
     * @param planPeakResidentBytes the process's peak resident size during the plan (Linux; -1 where unknown)
     * @param queries the dashboard's drill-down queries
     * @param peers DuckDB's own queries on the same store, for context
     */
    public record Round(
            int round,
            int planVersion,
            double planSeconds,
            ImmutableList<Stage> stages,
            int planEntries,
            long planPeakHeapBytes,
            long planPeakResidentBytes,
            ImmutableList<Query> queries,
            ImmutableList<Query> peers) {}

    /**
     * The result.
     *
     * @param simulationReused whether the simulation was found in the work folder; else it was written, in
     *     {@code simulationSeconds}
     * @param loads the kinds loaded into the fresh store
     * @param loadAverage the system's one-minute load average before and after the rounds (other processes count)
     * @param planSecondsMedian the median of the rounds' plan times
     * @param drillDownP95MillisWorst the largest 95th percentile of any drill-down query that ran, in any round
     * @param peakHeapBytes the largest of the rounds' plan heap peaks
     * @param peakResidentBytes the largest of the rounds' plan resident peaks
     */
    public record Result(
            int servers,
            int days,
            long seed,
            String simulationFolder,
            boolean simulationReused,
            double simulationSeconds,
            ImmutableList<Load> loads,
            long usageRows,
            int threads,
            int cores,
            ImmutableList<Double> loadAverage,
            ImmutableList<Round> rounds,
            double planSecondsMedian,
            double planTargetSeconds,
            double drillDownP95MillisWorst,
            double drillDownTargetP95Millis,
            long peakHeapBytes,
            long peakResidentBytes) {}

    private PlanBenchmark() {}

    /** Runs the benchmark; {@code log} hears what happens, for people watching. */
    public static Result run(Request request, Consumer<String> log) {
        SimulationConfig config = request.simulation();
        Path simulation = request.folder()
                .resolve(String.format(
                        Locale.ROOT, "plan-%dx%d-seed%d", config.servers(), config.days(), config.seed()));
        double simulationSeconds = 0;
        boolean reused = isSimulated(simulation, config);
        if (reused) {
            log.accept("reusing the simulation in " + simulation);
        } else {
            log.accept("simulating " + config.servers() + " servers x " + config.days() + " days into " + simulation
                    + " ...");
            long start = System.nanoTime();
            new SimulationService().simulate(config, simulation, SimulationListener.NONE);
            simulationSeconds = seconds(System.nanoTime() - start);
            write(simulation.resolve(MARKER), config.toString());
            log.accept(String.format(Locale.ROOT, "simulated in %.1f s", simulationSeconds));
        }
        double loadBefore = loadAverage();
        Path database = fresh(request.folder().resolve("plan-benchmark.duckdb"));
        StoreConfig store = StoreConfig.of(database).withThreads(request.threads());
        try (FleetcastApp app = FleetcastApp.open(new AppConfig(store, Clock.systemUTC()))) {
            ImmutableList<Load> loads = load(app, simulation, log);
            long usageRows = loads.stream()
                    .filter(load -> load.kind().equals(Kind.USAGE.tableName()))
                    .mapToLong(Load::rows)
                    .sum();
            Topology topology = Topology.of(app);
            ImmutableList.Builder<Round> rounds = ImmutableList.builder();
            for (int round = 1; round <= request.rounds(); round++) {
                rounds.add(round(app, topology, round, request, log));
            }
            ImmutableList<Round> all = rounds.build();
            return new Result(
                    config.servers(),
                    config.days(),
                    config.seed(),
                    simulation.toString(),
                    reused,
                    simulationSeconds,
                    loads,
                    usageRows,
                    request.threads(),
                    Runtime.getRuntime().availableProcessors(),
                    ImmutableList.of(loadBefore, loadAverage()),
                    all,
                    Quantiles.median()
                            .compute(
                                    all.stream().mapToDouble(Round::planSeconds).toArray()),
                    PLAN_TARGET_SECONDS,
                    all.stream()
                            .flatMap(r -> r.queries().stream())
                            .map(Query::latency)
                            .filter(Objects::nonNull)
                            .mapToDouble(LatencySummary::p95Millis)
                            .max()
                            .orElse(0),
                    DRILL_DOWN_TARGET_P95_MILLIS,
                    all.stream().mapToLong(Round::planPeakHeapBytes).max().orElse(0),
                    all.stream().mapToLong(Round::planPeakResidentBytes).max().orElse(-1));
        }
    }

    private static ImmutableList<Load> load(FleetcastApp app, Path simulation, Consumer<String> log) {
        ImmutableList.Builder<Load> loads = ImmutableList.builder();
        for (IngestService.FolderEntry entry : IngestService.dataFiles(simulation)) {
            if (!CapacityPlanService.INPUTS.contains(entry.kind())) {
                continue;
            }
            long start = System.nanoTime();
            List<IngestReport> reports =
                    app.ingest().ingest(entry.kind(), List.of(entry.file()), false, IngestProgress.NONE);
            double seconds = seconds(System.nanoTime() - start);
            long rows = reports.stream().mapToLong(IngestReport::rowsLoaded).sum();
            loads.add(new Load(entry.kind().tableName(), rows, seconds));
            log.accept(String.format(
                    Locale.ROOT, "loaded %s: %,d rows in %.1f s", entry.kind().tableName(), rows, seconds));
        }
        return loads.build();
    }

    private static Round round(FleetcastApp app, Topology topology, int round, Request request, Consumer<String> log) {
        System.gc();
        HeapPeaks.reset();
        resetPeakResident();
        StageClock clock = new StageClock(System::nanoTime);
        long start = System.nanoTime();
        CapacityPlanDocument document = app.capacity()
                .run(
                        new CapacityPlanService.Request(HORIZON_DAYS, SERVICE_LEVEL, WhatIf.NONE, true),
                        (step, done, total) -> {
                            clock.progress(step, total);
                            if (done == total) {
                                log.accept(String.format(
                                        Locale.ROOT,
                                        "round %d: %s done (%,d) at %.1f s",
                                        round,
                                        step,
                                        total,
                                        seconds(System.nanoTime() - start)));
                            }
                        });
        double planSeconds = seconds(System.nanoTime() - start);
        ImmutableList<Stage> stages = clock.stop(PLAN_GAPS, AFTER_PLAN);
        long peakHeap = HeapPeaks.bytes();
        long peakResident = SimulationBenchmark.peakResidentBytes().orElse(-1);
        Integer stored = document.planVersion();
        if (stored == null) {
            throw FleetcastException.internal("the benchmark's plan was not stored", null);
        }
        int version = stored;
        log.accept(String.format(
                Locale.ROOT,
                "round %d: plan v%d, %d entries, in %.1f s; timing the drill-down queries ...",
                round,
                version,
                document.clusters().size(),
                planSeconds));
        ImmutableList<Query> queries = drillDowns(app, topology.withPaths(app, version), version, round, request);
        ImmutableList<Query> peers = peers(app, Math.max(3, request.repeats() / 10));
        return new Round(
                round,
                version,
                planSeconds,
                stages,
                document.clusters().size(),
                peakHeap,
                peakResident,
                queries,
                peers);
    }

    /** The dashboard's queries, each run {@code repeats} times on targets drawn at random (seeded). */
    private static ImmutableList<Query> drillDowns(
            FleetcastApp app, Topology topology, int version, int round, Request request) {
        SplittableRandom random = new SplittableRandom(request.seed() * 31 + round);
        int repeats = request.repeats();
        ImmutableList.Builder<Query> queries = ImmutableList.builder();
        queries.add(Query.of("capacity plan, latest", "the newest stored plan", repeats, i -> {
            int latest = app.capacity()
                    .latest()
                    .map(CapacityPlanDocument::planVersion)
                    .orElse(-1);
            check(latest == version, "latest plan is v" + latest + ", expected v" + version);
        }));
        String newest = "SELECT length(CAST(document AS VARCHAR)) AS characters FROM capacity_plans"
                + " ORDER BY version DESC LIMIT 1";
        queries.add(Query.of(
                "capacity plan, latest", "its stored JSON only (SQL, not parsed)", repeats, i -> sql(app, newest)));
        queries.add(Query.of("capacity plan, path", "a random cluster and resource", repeats, i -> {
            String[] pool = topology.paths.get(random.nextInt(topology.paths.size()));
            List<PathDay> path = app.capacity().path(version, pool[0], pool[1]);
            check(path.size() == HORIZON_DAYS, pool[0] + "/" + pool[1] + " has " + path.size() + " days");
        }));
        UtilizationService utilization = app.utilization();
        for (String level : List.of("fleet", "region", "site", "cluster")) {
            queries.add(Query.of("utilization", describe(level), repeats, i -> {
                FleetScope scope = topology.scope(level, random);
                utilization.analyse(new UtilizationRequest(scope, null, UtilizationService.DEFAULT_WINDOW_DAYS));
            }));
        }
        for (String level : List.of("fleet", "cluster")) {
            queries.add(Query.of("fleet overview", describe(level), repeats, i -> {
                FleetScope scope = topology.scope(level, random);
                app.fleet().overview(new FleetOverviewRequest(scope, null, null, Resource.CPU));
            }));
        }
        return queries.build();
    }

    private static String describe(String level) {
        return level.equals("fleet") ? "the fleet" : "a random " + level;
    }

    /** DuckDB alone on the same store: the floor of the plan's demand read. */
    private static ImmutableList<Query> peers(FleetcastApp app, int repeats) {
        String byClusterDay = "SELECT count(*) AS cluster_days, sum(used) AS used FROM (SELECT cluster, resource,"
                + " (ts AT TIME ZONE 'UTC')::DATE AS day, sum(used) AS used FROM usage WHERE grain = 'day'"
                + " GROUP BY cluster, resource, day)";
        String scan = "SELECT count(*) AS days, sum(used) AS used FROM usage WHERE grain = 'day'";
        return ImmutableList.of(
                Query.of(
                        "DuckDB SQL",
                        "daily usage summed by cluster, resource and day",
                        repeats,
                        i -> sql(app, byClusterDay)),
                Query.of("DuckDB SQL", "daily usage scanned and summed", repeats, i -> sql(app, scan)));
    }

    private static void sql(FleetcastApp app, String sql) {
        QueryResult result = app.sql().query(sql, 1);
        check(
                result.rows().size() == 1,
                "the peer query returned " + result.rows().size() + " rows");
    }

    /** Runs {@code call} once untimed (warm-up), then {@code repeats} times timed. */
    private static LatencySummary time(int repeats, IntConsumer call) {
        call.accept(-1);
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        return LatencySummary.ofNanos(nanos);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw FleetcastException.internal("plan benchmark: " + problem, null);
        }
    }

    /** The fleet's regions, sites and clusters, and the stored plan's (cluster, resource) paths. */
    private static final class Topology {
        /** {region, site, cluster}, sorted. */
        final ImmutableList<String[]> clusters;
        /** {cluster, resource}, sorted. */
        final ImmutableList<String[]> paths;

        private Topology(ImmutableList<String[]> clusters, ImmutableList<String[]> paths) {
            this.clusters = clusters;
            this.paths = paths;
        }

        static Topology of(FleetcastApp app) {
            ImmutableList<String[]> clusters =
                    rows(app, "SELECT DISTINCT region, site, cluster FROM assets ORDER BY region, site, cluster");
            check(!clusters.isEmpty(), "the fleet has no clusters");
            return new Topology(clusters, ImmutableList.of());
        }

        Topology withPaths(FleetcastApp app, int version) {
            ImmutableList<String[]> paths = rows(
                    app,
                    "SELECT DISTINCT cluster, resource FROM capacity_plan_paths WHERE version = " + version
                            + " ORDER BY cluster, resource");
            check(!paths.isEmpty(), "plan v" + version + " has no paths");
            return new Topology(clusters, paths);
        }

        /** The fleet, or a random region, site or cluster (with the region and site it lies in). */
        FleetScope scope(String level, SplittableRandom random) {
            if (level.equals("fleet")) {
                return FleetScope.FLEET;
            }
            String[] row = clusters.get(random.nextInt(clusters.size()));
            return switch (level) {
                case "region" -> new FleetScope(row[0], null, null, null);
                case "site" -> new FleetScope(row[0], row[1], null, null);
                default -> new FleetScope(row[0], row[1], row[2], null);
            };
        }

        private static ImmutableList<String[]> rows(FleetcastApp app, String sql) {
            QueryResult result = app.sql().query(sql, 1_000_000);
            ImmutableList.Builder<String[]> rows = ImmutableList.builder();
            for (List<@Nullable Object> row : result.rows()) {
                String[] values = new String[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = String.valueOf(row.get(i));
                }
                rows.add(values);
            }
            return rows.build();
        }
    }

    private static boolean isSimulated(Path folder, SimulationConfig config) {
        Path marker = folder.resolve(MARKER);
        try {
            return Files.isRegularFile(marker)
                    && Files.readString(marker, UTF_8).equals(config.toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the process's peak resident size start again from its current size (Linux; elsewhere nothing). */
    private static void resetPeakResident() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5", UTF_8);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or not allowed: the peak then counts from the process's start.
        }
    }

    /** The system's one-minute load average, or -1 where the OS does not tell. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Deletes the database and its write-ahead log so the store starts empty. */
    private static Path fresh(Path database) {
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
            Files.deleteIfExists(database);
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("replacing " + database, e);
        }
        return database;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
