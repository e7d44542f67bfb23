package io.fleetcast.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.simulator.SimulationSummary;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.ingest.IngestReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator writes exactly what ingestion accepts: every row of every file loads, and loads once. */
class SimulatedFleetIngestTest {
    @TempDir
    Path folder;

    @Test
    void everySimulatedRowPassesValidationAndLoadsOnce() {
        Path data = folder.resolve("data");
        SimulationSummary summary = new SimulationService()
                .simulate(new SimulationConfig(150, 120, 7, LocalDate.of(2026, 6, 30)), data, SimulationListener.NONE);
        AppConfig config = new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));

        try (FleetcastApp app = FleetcastApp.open(config)) {
            List<IngestReport> reports = app.ingest().ingestFolder(data, false, IngestProgress.NONE);

            assertThat(reports).extracting(IngestReport::kind).containsExactlyElementsOf(Kind.loadOrder());
            for (IngestReport report : reports) {
                assertThat(report.rowsLoaded())
                        .as(report.kind().tableName())
                        .isEqualTo(summary.rows().get(report.kind()))
                        .isEqualTo(report.rowsRead());
                assertThat(report.extraColumns()).as(report.kind().tableName()).isEmpty();
            }
            assertThat(app.ingest().ingestFolder(data, false, IngestProgress.NONE))
                    .allMatch(IngestReport::alreadyLoaded);
        }
    }
}
