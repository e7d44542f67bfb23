package io.fleetcast.server;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A simulated fleet with telemetry, a trained failure model and one scored day, for the Prognostics page's tests:
 * {@value #SERVERS} servers over {@value #DAYS} days ending {@link #END} (seed {@value #SEED}), whose owned servers
 * report four signals daily over the last 75 days ({@code temp_c}, {@code fan_rpm}, {@code corrected_memory_errors},
 * {@code disk_reallocated_sectors}). Only the SKUs, assets and telemetry are loaded. The model is trained with
 * {@link #TRAINING} (failure within 30 days, 2 visits a day, 2 folds to stay quick) and scores {@link #END}.
 */
final class TestPrognosticsData {
    static final int SERVERS = 800;
    static final int DAYS = 365;
    static final long SEED = 42;
    static final LocalDate END = LocalDate.parse("2026-10-31");
    static final PrognosticsService.TrainRequest TRAINING = new PrognosticsService.TrainRequest(30, 2, 2, 17);
    /** The day after the history. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);

    static final List<String> SIGNALS =
            List.of("corrected_memory_errors", "disk_reallocated_sectors", "fan_rpm", "temp_c");

    private TestPrognosticsData() {}

    /** An application on a new store in {@code folder}, loaded with the simulated fleet, trained and scored. */
    static FleetcastApp scoredApp(Path folder) {
        Path data = folder.resolve("fleet");
        new SimulationService().simulate(new SimulationConfig(SERVERS, DAYS, SEED, END), data, SimulationListener.NONE);
        FleetcastApp app = FleetcastApp.open(
                new AppConfig(StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), CLOCK));
        for (Kind kind : List.of(Kind.SKUS, Kind.ASSETS, Kind.TELEMETRY)) {
            app.ingest().ingest(kind, List.of(data.resolve(kind.tableName() + ".csv")), false, IngestProgress.NONE);
        }
        app.prognostics().train(TRAINING);
        app.prognostics().score(null);
        return app;
    }
}
