package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.simulator.FleetSimulator;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet loaded without its orders: no lead time is known, so no order can be recommended or added undated. */
class WithoutLeadTimesTest {
    @TempDir
    Path folder;

    @Test
    void saysWhyNoOrderCanBeRecommended() {
        Path data = folder.resolve("data");
        new SimulationService()
                .simulate(new SimulationConfig(400, 400, 7, LocalDate.of(2026, 10, 31)), data, SimulationListener.NONE);
        try (FleetcastApp app = FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)))) {
            for (Kind kind : List.of(Kind.SKUS, Kind.ASSETS, Kind.SERVICES, Kind.USAGE)) {
                app.ingest()
                        .ingest(kind, List.of(data.resolve(FleetSimulator.fileName(kind))), false, IngestProgress.NONE);
            }
            String cluster = app
                    .capacity()
                    .run(
                            new CapacityPlanService.Request(60, 0.99, WhatIf.NONE, false),
                            CapacityPlanService.Progress.NONE)
                    .clusters()
                    .stream()
                    .filter(entry -> !entry.elastic())
                    .findFirst()
                    .orElseThrow()
                    .cluster();
            assertThatThrownBy(() -> app.capacity()
                            .run(
                                    new CapacityPlanService.Request(
                                            60,
                                            0.99,
                                            WhatIf.parse(List.of(), List.of(cluster + ":compute-2026:10"), List.of()),
                                            false),
                                    CapacityPlanService.Progress.NONE))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessageContaining("no lead time")
                    .hasMessageContaining("@YYYY-MM-DD");
            CapacityPlanDocument scaled = app.capacity()
                    .run(
                            new CapacityPlanService.Request(
                                    60, 0.99, WhatIf.parse(List.of("10"), List.of(), List.of()), false),
                            CapacityPlanService.Progress.NONE);
            assertThat(scaled.clusters())
                    .filteredOn(entry -> entry.shortfall() > 0 && !entry.elastic())
                    .isNotEmpty()
                    .allSatisfy(entry -> {
                        assertThat(entry.orders()).isEmpty();
                        assertThat(entry.notes()).anyMatch(note -> note.contains("no order can be recommended"));
                    });
        }
    }
}
