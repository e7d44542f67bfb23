package io.fleetcast.app.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.app.capacity.WhatIf;
import io.fleetcast.app.fleet.FleetOverview;
import io.fleetcast.app.fleet.FleetOverviewRequest;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.FleetSimulator;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Prepares and loads the demo: simulates a fleet into {@code <folder>/data} (or reuses the files when the same fleet
 * was simulated there before), loads them into {@code <folder>/fleetcast.duckdb}, and summarises it with the analyses
 * that exist.
 */
public final class DemoService {
    private final SimulationService simulation = new SimulationService();

    /** Where the demo keeps its files and database. */
    public record DemoFolder(Path folder) {
        public DemoFolder {
            requireNonNull(folder, "folder is null");
        }

        public Path data() {
            return folder.resolve("data");
        }

        public Path database() {
            return folder.resolve("fleetcast.duckdb");
        }

        /** The simulated datacenters' rates, for the cost report; null when the data predates them. */
        public @Nullable Path siteRates() {
            Path file = data().resolve(FleetSimulator.SITE_RATES_FILE_NAME);
            return Files.isRegularFile(file) ? file : null;
        }
    }

    /**
     * Simulates {@code config} into the folder's data, unless the same fleet is there already. A new simulation also
     * removes the old database, which held the old fleet.
     *
     * @return whether it simulated (false: the files were reused)
     */
    public boolean prepare(DemoFolder demo, SimulationConfig config, SimulationListener listener) {
        if (sameFleet(demo.data(), config)) {
            return false;
        }
        deleteDatabase(demo.database());
        simulation.simulate(config, demo.data(), listener);
        return true;
    }

    /** Loads the demo's data into {@code app}'s store (files loaded before are recognised and skipped). */
    public List<IngestReport> load(FleetcastApp app, DemoFolder demo, IngestProgress progress) {
        return app.ingest().ingestFolder(demo.data(), false, progress);
    }

    /** The fleet as the analyses see it, and what the simulator built in. */
    public record Summary(
            List<FleetOverview> overviews,
            Truth truth,
            long storedRows,
            LocalDate asOf,
            CapacityPlanDocument plan,
            List<PrognosticsService.Prediction> riskiest) {
        public Summary {
            overviews = ImmutableList.copyOf(overviews);
            riskiest = ImmutableList.copyOf(riskiest);
        }
    }

    /** How many of the riskiest assets the summary names. */
    static final int RISKIEST = 5;

    /**
     * What {@code truth.json} says was built into the fleet: how many clusters run out within the planning horizon,
     * cost anomalies, budget overruns, failures (and of them, after the data ends).
     */
    public record Truth(
            int exhaustedClusters,
            int costAnomalies,
            int budgetOverruns,
            int failures,
            int futureFailures,
            Path file) {}

    /**
     * Summarises the loaded fleet: the overview of the last year for each resource, the capacity plan (the newest
     * stored one, or a new one when none is stored), and the truth built in.
     */
    public Summary summarise(FleetcastApp app, DemoFolder demo) {
        List<FleetOverview> overviews = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            FleetOverviewRequest defaults = FleetOverviewRequest.defaults();
            overviews.add(app.fleet()
                    .overview(new FleetOverviewRequest(defaults.scope(), defaults.from(), defaults.to(), resource)));
        }
        long rows = app.fleet().status().rowCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        CapacityPlanDocument plan = app.capacity()
                .latest()
                .orElseGet(() -> app.capacity()
                        .run(
                                new CapacityPlanService.Request(
                                        CapacityPlanService.DEFAULT_HORIZON_DAYS, 0.99, WhatIf.NONE, true),
                                CapacityPlanService.Progress.NONE));
        return new Summary(overviews, truth(demo.data()), rows, overviews.get(0).to(), plan, riskiest(app));
    }

    /**
     * The riskiest assets of the newest scored day; when nothing was scored yet and telemetry is loaded, a failure
     * model is trained first (two folds, to keep the demo quick) and the last day scored.
     */
    private static List<PrognosticsService.Prediction> riskiest(FleetcastApp app) {
        PrognosticsService prognostics = app.prognostics();
        List<LocalDate> scored = prognostics.scoredDays();
        if (!scored.isEmpty()) {
            return prognostics.predictions(scored.get(0)).stream()
                    .limit(RISKIEST)
                    .toList();
        }
        if (!prognostics.hasTelemetry()) {
            return List.of();
        }
        try {
            prognostics.train(new PrognosticsService.TrainRequest(30, 2, 2, 17));
        } catch (FleetcastException e) {
            // A small or short fleet may have no failure in its telemetry window to learn from.
            if (e.kind() != ErrorKind.BAD_INPUT) {
                throw e;
            }
            return List.of();
        }
        return prognostics.score(null).stream().limit(RISKIEST).toList();
    }

    private static Truth truth(Path data) {
        Path file = data.resolve(FleetSimulator.TRUTH_FILE_NAME);
        JsonNode truth = readJson(file);
        java.util.Set<String> exhausted = new java.util.TreeSet<>();
        for (JsonNode item : truth.path("exhaustion")) {
            exhausted.add(item.path("cluster").asText());
        }
        int future = 0;
        for (JsonNode failure : truth.path("failures")) {
            if (!failure.path("observed").asBoolean(true)) {
                future++;
            }
        }
        return new Truth(
                exhausted.size(),
                truth.path("cost_anomalies").size(),
                truth.path("budget_overruns").size(),
                truth.path("failures").size(),
                future,
                file);
    }

    /** Whether {@code data} holds a complete simulation of exactly {@code config}. */
    static boolean sameFleet(Path data, SimulationConfig config) {
        Path truthFile = data.resolve(FleetSimulator.TRUTH_FILE_NAME);
        if (!Files.isRegularFile(truthFile)) {
            return false;
        }
        JsonNode written;
        try {
            written = readJson(truthFile).path("config");
        } catch (UncheckedIOException e) {
            return false;
        }
        return written.path("servers").asInt() == config.servers()
                && written.path("days").asInt() == config.days()
                && written.path("seed").asLong() == config.seed()
                && written.path("end").asText().equals(config.end().toString());
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static void deleteDatabase(Path database) {
        Path folder = database.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        String name = String.valueOf(database.getFileName());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> String.valueOf(f.getFileName()).startsWith(name))
                    .sorted(Comparator.reverseOrder())
                    .toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing the old demo database " + database, e);
        }
    }
}
