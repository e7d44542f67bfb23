package io.fleetcast.app.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.HandWorkedCluster;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle and over-sized allocations become savings of the team that owns the service, priced as worked by hand in
 * {@link HandWorkedCluster}: payments' checkout memory, 180 GiB released, 44.11875 USD a month; discovery's idle search
 * memory, 97.6 GiB, 23.922167 USD a month.
 */
class CostSavingsTest {
    @TempDir
    Path folder;

    @Test
    void idleAndOversizedAllocationsAreSavingsOfTheOwningTeam() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        Files.write(
                files.resolve("costs.csv"),
                List.of(
                        "BilledCost,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
                                + "ChargePeriodEnd,ChargeCategory,ResourceName",
                        "241.67,USD,2025-03-01,2025-04-01,2025-03-31,2025-04-01,Usage,checkout"));
        try (FleetcastApp app = FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC)))) {
            app.ingest().ingestFolder(files, false, IngestProgress.NONE);

            CostReport report = app.cost().run(CostService.Request.defaults(), CostService.Progress.NONE);

            assertThat(report.savings())
                    .extracting(
                            CostReport.SavingRow::kind,
                            CostReport.SavingRow::team,
                            CostReport.SavingRow::service,
                            CostReport.SavingRow::subject)
                    .containsExactly(
                            tuple("rightsizing", "payments", "checkout", "checkout in ash-c1, memory"),
                            tuple("idle", "discovery", "search", "search in ash-c1, memory"));
            double usdPerGibMonth = HandWorkedCluster.USD_PER_GIB_MONTH;
            assertThat(report.savings().get(0).monthlySaving()).isCloseTo(180 * usdPerGibMonth, within(0.005));
            assertThat(report.savings().get(1).monthlySaving()).isCloseTo(97.6 * usdPerGibMonth, within(0.005));
            assertThat(report.savings().get(0).explanation())
                    .isEqualTo("checkout in ash-c1 holds 300.0 GiB of memory but used at most 100.0 at P95 over the"
                            + " last 90 days: shrinking it to 120.0, releasing 180.0 GiB saves 44.12 USD a month at"
                            + " the cluster's unit rate");

            // A team sees only its own savings.
            CostReport discovery = app.cost()
                    .run(CostService.Request.defaults().withTeams(Set.of("discovery")), CostService.Progress.NONE);
            assertThat(discovery.savings())
                    .extracting(CostReport.SavingRow::team)
                    .containsExactly("discovery");
        }
    }
}
