package io.fleetcast.app.fleet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.fleet.ClusterPlacement;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetLevel;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.FleetTopology;
import io.fleetcast.store.fleet.ServerTotals;
import io.fleetcast.store.ingest.IngestLogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview service on a real store holding two servers (one per region) and a year of daily usage of one service
 * up to 2026-01-10, the data's last day.
 */
class FleetOverviewServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AS_OF = LocalDate.parse("2026-01-10");

    @TempDir
    static Path folder;

    private static FleetcastApp app;
    private static FleetOverviewService service;

    @BeforeAll
    static void loadFleet() throws IOException {
        Path files = Files.createDirectory(folder.resolve("files"));
        write(
                files,
                "skus.csv",
                "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,power_watts,"
                        + "depreciation_months,lifetime_months",
                "big,owned,2U compute,64,512,4.0,14500.00,,,450,60,72",
                "small,cloud,cloud instance,16,64,0,,0.8064,0.5080,,,");
        write(
                files,
                "assets.csv",
                "asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,retire_date",
                "a1,big,us-east,dc-ash,datacenter,ash-c1,r1,b1,owned,2025-01-01,,",
                "a2,small,eu-west,dc-fra,cloud,fra-c1,,,on_demand,2025-01-01,,");
        write(files, "services.csv", "service,team,org,tier", "checkout,payments,commerce,critical");
        List<String> usage = new ArrayList<>();
        usage.add("ts,grain,service,cluster,resource,unit,used,allocated");
        for (LocalDate day = LocalDate.parse("2025-01-01"); !day.isAfter(AS_OF); day = day.plusDays(1)) {
            usage.add(day + ",day,checkout,ash-c1,cpu,cores,10,20");
        }
        write(files, "usage.csv", usage.toArray(new String[0]));
        app = open(folder.resolve("fleet.duckdb"));
        app.ingest().ingestFolder(files, false, IngestProgress.NONE);
        service = app.fleet();
    }

    @AfterAll
    static void closeApp() {
        app.close();
    }

    private static FleetcastApp open(Path database) {
        return FleetcastApp.open(new AppConfig(StoreConfig.of(database).withThreads(2), CLOCK));
    }

    private static void write(Path folder, String name, String... lines) throws IOException {
        Files.write(folder.resolve(name), (String.join("\n", lines) + "\n").getBytes(UTF_8));
    }

    @Test
    void defaultsToTheLastYearOfDataAndToCpu() {
        FleetOverview overview = service.overview(FleetOverviewRequest.defaults());

        assertThat(overview.to()).isEqualTo(AS_OF);
        assertThat(overview.from()).isEqualTo(LocalDate.parse("2025-01-10"));
        assertThat(overview.span()).isEqualTo(new DataSpan(LocalDate.parse("2025-01-01"), AS_OF));
        assertThat(overview.resource()).isEqualTo(Resource.CPU);
        assertThat(overview.unit()).isEqualTo("cores");
        assertThat(overview.level()).isEqualTo(FleetLevel.FLEET);
        assertThat(overview.breakdownLevel()).contains(FleetLevel.REGION);
        assertThat(overview.servers()).contains(new ServerTotals(2, 80, 576, 4));
        assertThat(overview.figures().timeline()).hasSize(366);
        assertThat(overview.figures().usage().used()).isEqualTo(10.0);
    }

    @Test
    void fillsInTheSiteAndRegionOfACluster() {
        FleetOverview overview = service.overview(
                new FleetOverviewRequest(new FleetScope(null, null, "ash-c1", null), null, null, Resource.MEMORY));

        assertThat(overview.scope()).isEqualTo(new FleetScope("us-east", "dc-ash", "ash-c1", null));
        assertThat(overview.breakdownLevel()).contains(FleetLevel.SERVICE);
        assertThat(overview.unit()).isEqualTo("GiB");
    }

    @Test
    void aServiceHasUsageButNoServers() {
        FleetOverview overview = service.overview(
                new FleetOverviewRequest(new FleetScope(null, null, null, "checkout"), null, null, Resource.CPU));

        assertThat(overview.servers()).isEmpty();
        assertThat(overview.breakdownLevel()).isEmpty();
        assertThat(overview.figures().usage().allocated()).isEqualTo(20.0);
    }

    @Test
    void anUnknownRegionIsNotFoundAndTheMessageListsTheKnownOnes() {
        assertThatThrownBy(() -> service.overview(scoped(new FleetScope("mars", null, null, null))))
                .isInstanceOf(UnknownScopeException.class)
                .hasMessage("unknown region \"mars\"; known: eu-west, us-east");
    }

    @Test
    void aSiteOutsideTheNamedRegionIsNotFound() {
        assertThatThrownBy(() -> service.overview(scoped(new FleetScope("eu-west", "dc-ash", null, null))))
                .isInstanceOf(UnknownScopeException.class)
                .hasMessage("site \"dc-ash\" is in region \"us-east\", not in \"eu-west\"");
    }

    @Test
    void anUnknownClusterOrServiceIsNotFound() {
        assertThatThrownBy(() -> service.overview(scoped(new FleetScope(null, null, "nope", null))))
                .isInstanceOf(UnknownScopeException.class)
                .hasMessage("unknown cluster \"nope\"; known: ash-c1, fra-c1");
        assertThatThrownBy(() -> service.overview(scoped(new FleetScope(null, null, null, "nope"))))
                .isInstanceOf(UnknownScopeException.class)
                .hasMessage("unknown service \"nope\"; known: checkout");
    }

    @Test
    void aRangeEndingAfterTheDataIsBadInput() {
        assertThatThrownBy(() -> service.overview(
                        new FleetOverviewRequest(FleetScope.FLEET, null, LocalDate.parse("2026-01-11"), Resource.CPU)))
                .isInstanceOfSatisfying(
                        FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .isNotInstanceOf(UnknownScopeException.class)
                .hasMessage("to 2026-01-11 is after the last day of data (as of 2026-01-10)");
    }

    @Test
    void aStartAfterTheDefaultEndIsBadInput() {
        assertThatThrownBy(() -> service.overview(
                        new FleetOverviewRequest(FleetScope.FLEET, LocalDate.parse("2026-02-01"), null, Resource.CPU)))
                .hasMessage("from 2026-02-01 is after to 2026-01-10");
    }

    @Test
    void aRangeOfMoreThanFiftyYearsIsBadInput() {
        assertThatThrownBy(() -> service.overview(
                        new FleetOverviewRequest(FleetScope.FLEET, LocalDate.parse("1900-01-01"), null, Resource.CPU)))
                .hasMessage("the range 1900-01-01 to 2026-01-10 covers 46031 days; at most 18300 are allowed");
    }

    @Test
    void resolvingAScopeChecksEachNameAgainstTheTopology() {
        FleetTopology topology = new FleetTopology(
                List.of(
                        new ClusterPlacement("c1", "s1", "r1"),
                        new ClusterPlacement("c2", "s1", "r1"),
                        new ClusterPlacement("c3", "s2", "r2")),
                List.of("svc"));

        assertThat(FleetOverviewService.resolve(new FleetScope(null, "s2", null, "svc"), topology))
                .isEqualTo(new FleetScope("r2", "s2", null, "svc"));
        assertThat(FleetOverviewService.resolve(FleetScope.FLEET, topology)).isEqualTo(FleetScope.FLEET);
        assertThatThrownBy(() -> FleetOverviewService.resolve(new FleetScope(null, "s1", "c3", null), topology))
                .hasMessage("cluster \"c3\" is in site \"s2\", not in \"s1\"");
    }

    @Test
    void anEmptyStoreHasNoOverviewToShow() {
        try (FleetcastApp empty = open(folder.resolve("empty.duckdb"))) {
            assertThatThrownBy(() -> empty.fleet().overview(FleetOverviewRequest.defaults()))
                    .isInstanceOf(UnknownScopeException.class)
                    .hasMessageStartingWith("no fleet data is loaded yet");
            assertThat(empty.fleet().status().dataSpan()).isEmpty();
        }
    }

    @Test
    void statusReportsSchemaVersionRowCountsInLoadOrderAndTheDataSpan() {
        FleetStatus status = service.status();

        assertThat(status.schemaVersion()).isEqualTo(12);
        assertThat(status.rowCounts().keySet()).containsExactlyElementsOf(Kind.loadOrder());
        assertThat(status.rowCounts().get(Kind.ASSETS)).isEqualTo(2L);
        assertThat(status.rowCounts().get(Kind.USAGE)).isEqualTo(375L);
        assertThat(status.dataSpan()).contains(new DataSpan(LocalDate.parse("2025-01-01"), AS_OF));
    }

    @Test
    void theIngestLogIsNewestFirstAndItsLimitIsChecked() {
        assertThat(service.ingestLog(10))
                .extracting(IngestLogEntry::kind)
                .containsExactly(Kind.USAGE, Kind.SERVICES, Kind.ASSETS, Kind.SKUS);
        assertThat(service.ingestLog(1)).hasSize(1);
        assertThatThrownBy(() -> service.ingestLog(0)).hasMessage("limit must be between 1 and 1000, got 0");
    }

    private static FleetOverviewRequest scoped(FleetScope scope) {
        return new FleetOverviewRequest(scope, null, null, Resource.CPU);
    }
}
