package io.fleetcast.server;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.forecast.ForecastViewService.AdjustmentInput;
import io.fleetcast.app.forecast.PlanProgress;
import io.fleetcast.app.forecast.PlanRequest;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@link TestFleetData} with special events and two plan versions of the three series of checkout on ash-c1, 30 days
 * ahead (a few seconds of fitting):
 *
 * <ol>
 *   <li>plan 1, with adjustment {@value #CPU_ADJUSTMENT} (cpu × {@value #CPU_FACTOR} over 2026-01-10..2026-01-20);
 *   <li>plan 2, made after adjustment {@value #MEMORY_ADJUSTMENT} (memory + 0.5 TiB, i.e. 512 GiB, over
 *       2026-01-05..2026-01-31) was added: no new data, so every run is carried, and the memory series changes by the
 *       adjustment alone.
 * </ol>
 */
final class TestForecastData {
    static final String SELECTOR = "checkout/ash-c1/";
    static final String CPU_SERIES = "checkout/ash-c1/cpu";
    static final String MEMORY_SERIES = "checkout/ash-c1/memory";
    static final String STORAGE_SERIES = "checkout/ash-c1/storage";
    static final int HORIZON_DAYS = 30;

    static final String CPU_ADJUSTMENT = "ADJ-PEAK";
    static final double CPU_FACTOR = 1.25;
    static final LocalDate CPU_START = LocalDate.parse("2026-01-10");
    static final LocalDate CPU_END = LocalDate.parse("2026-01-20");

    static final String MEMORY_ADJUSTMENT = "ADJ-CACHE";
    static final double MEMORY_GIB = 512;

    /** A one-off event of checkout inside the forecast horizon, and a global holiday inside the history. */
    static final String LAUNCH_EVENT = "checkout relaunch";

    static final String HOLIDAY_EVENT = "Thanksgiving";

    private TestForecastData() {}

    /** An application on a new store in {@code folder} with the fleet, the events and plans 1 and 2. */
    static FleetcastApp plannedApp(Path folder) {
        FleetcastApp app = TestFleetData.loadedApp(folder);
        Path events = folder.resolve("files").resolve("events.csv");
        TestApps.write(
                events,
                List.of(
                        "name,kind,start_date,end_date,scope,scope_value",
                        HOLIDAY_EVENT + ",holiday,2025-11-27,2025-11-28,global,",
                        LAUNCH_EVENT + ",one_off,2026-01-14,2026-01-15,service,checkout",
                        "search freeze,one_off,2026-01-14,2026-01-15,service,search"));
        app.ingest().ingest(Kind.EVENTS, List.of(events), false, IngestProgress.NONE);
        app.forecasts()
                .saveAdjustment(
                        new AdjustmentInput(
                                CPU_ADJUSTMENT,
                                "checkout",
                                "ash-c1",
                                "cpu",
                                "multiply",
                                CPU_FACTOR,
                                null,
                                CPU_START,
                                CPU_END,
                                "winter sale"),
                        "planner");
        app.plans().forecast(new PlanRequest(SELECTOR, HORIZON_DAYS), PlanProgress.NONE);
        app.forecasts()
                .saveAdjustment(
                        new AdjustmentInput(
                                MEMORY_ADJUSTMENT,
                                "checkout",
                                "ash-c1",
                                "memory",
                                "add",
                                0.5,
                                "TiB",
                                LocalDate.parse("2026-01-05"),
                                LocalDate.parse("2026-01-31"),
                                "cache rollout"),
                        "planner");
        app.plans().forecast(new PlanRequest(SELECTOR, HORIZON_DAYS), PlanProgress.NONE);
        return app;
    }
}
