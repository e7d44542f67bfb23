package io.fleetcast.server;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.app.capacity.WhatIf;
import io.fleetcast.app.ingest.IngestProgress;
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
 * A simulated fleet with two stored capacity plans, for the Capacity page's tests: {@value #SERVERS} servers over
 * {@value #DAYS} days of history ending {@link #END} (seed {@value #SEED}: two regions, three sites, five clusters, one
 * of them cloud; two clusters short within the horizon), planned {@value #FIRST_HORIZON_DAYS} days ahead at service
 * level {@value #FIRST_SERVICE_LEVEL} (version 1), then {@value #HORIZON_DAYS} days ahead at {@value #SERVICE_LEVEL}
 * (version 2, the latest). Only what the plan reads is loaded (no costs, budgets or telemetry), to stay quick; the requests for capacity are
 * loaded, so the plans have allocations.
 */
final class TestCapacityData {
    static final int SERVERS = 1200;
    static final int DAYS = 560;
    static final long SEED = 11;
    static final LocalDate END = LocalDate.parse("2026-10-31");
    static final int FIRST_HORIZON_DAYS = 60;
    static final double FIRST_SERVICE_LEVEL = 0.9;
    static final int HORIZON_DAYS = 365;
    static final double SERVICE_LEVEL = 0.99;
    /** The day after the history: when the plans are made. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);

    private TestCapacityData() {}

    /** An application on a new store in {@code folder}, loaded with the simulated fleet and its two plans. */
    static FleetcastApp plannedApp(Path folder) {
        Path data = folder.resolve("fleet");
        new SimulationService().simulate(new SimulationConfig(SERVERS, DAYS, SEED, END), data, SimulationListener.NONE);
        FleetcastApp app = FleetcastApp.open(
                new AppConfig(StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), CLOCK));
        for (Kind kind : CapacityPlanService.INPUTS) {
            app.ingest().ingest(kind, List.of(data.resolve(kind.tableName() + ".csv")), false, IngestProgress.NONE);
        }
        plan(app, FIRST_HORIZON_DAYS, FIRST_SERVICE_LEVEL);
        plan(app, HORIZON_DAYS, SERVICE_LEVEL);
        return app;
    }

    private static void plan(FleetcastApp app, int horizonDays, double serviceLevel) {
        app.capacity()
                .run(
                        new CapacityPlanService.Request(horizonDays, serviceLevel, WhatIf.NONE, true),
                        CapacityPlanService.Progress.NONE);
    }
}
