package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.fleetcast.app.capacity.UtilizationReport.ClusterRow;
import io.fleetcast.app.capacity.UtilizationReport.RightsizingRow;
import io.fleetcast.app.capacity.UtilizationReport.ServiceRow;
import io.fleetcast.app.capacity.UtilizationReport.StrandedRow;
import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.duckdb.DuckDbStore;
import io.fleetcast.store.duckdb.DuckDbUtilizationQueries;
import io.fleetcast.store.fleet.FleetScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis end to end on the cluster worked by hand in {@link HandWorkedCluster}. */
class UtilizationServiceTest {
    private static final LocalDate LAST_DAY = HandWorkedCluster.LAST_DAY;
    private static final double USD_PER_GIB_MONTH = HandWorkedCluster.USD_PER_GIB_MONTH;

    @TempDir
    static Path folder;

    private static DuckDbStore store;
    private static UtilizationService service;

    @BeforeAll
    static void loadFleet() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC));
        new IngestService(store).ingestFolder(files, false, IngestProgress.NONE);
        service = new UtilizationService(new DuckDbUtilizationQueries(store));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void theDefaultWindowIsTheLast90DaysOfUsage() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());

        assertThat(report.to()).isEqualTo(LAST_DAY);
        assertThat(report.from()).isEqualTo(LAST_DAY.minusDays(89));
        assertThat(report.utilization()).hasSize(3);
    }

    @Test
    void serviceRowsCarryPercentilesShareAndStatus() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());

        ServiceRow cpu = report.utilization().get(0);
        assertThat(cpu.service()).isEqualTo("checkout");
        assertThat(cpu.resource()).isEqualTo("cpu");
        assertThat(cpu.unit()).isEqualTo("cores");
        assertThat(cpu.region()).isEqualTo("us-east");
        assertThat(cpu.days()).isEqualTo(10);
        assertThat(cpu.usedP95()).isEqualTo(100);
        assertThat(cpu.allocatedNow()).isEqualTo(115);
        assertThat(cpu.clusterSupply()).isEqualTo(128);
        assertThat(cpu.supplyShare()).isCloseTo(115.0 / 128, within(1e-12));
        assertThat(cpu.status()).isEqualTo("well_used");
        assertThat(report.utilization())
                .extracting(ServiceRow::service, ServiceRow::resource, ServiceRow::status)
                .containsExactly(
                        tuple("checkout", "cpu", "well_used"),
                        tuple("checkout", "memory", "under_used"),
                        tuple("search", "memory", "idle"));
    }

    @Test
    void clusterRowsHoldSupplyTotalsAndRates() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());

        assertThat(report.clusterUtilization())
                .extracting(ClusterRow::resource, ClusterRow::supply, ClusterRow::allocatedP95)
                .containsExactly(
                        tuple("cpu", 128.0, 115.0), tuple("memory", 1024.0, 400.0), tuple("storage", 8.0, null));
        assertThat(report.clusterUtilization().get(1).usdPerUnitMonth()).isCloseTo(USD_PER_GIB_MONTH, within(1e-12));
        assertThat(report.unitRates()).singleElement().satisfies(rates -> {
            assertThat(rates.usdPerCoreMonth()).isCloseTo(1.960833, within(1e-6));
            assertThat(rates.usdPerTbMonth()).isCloseTo(5.8825, within(1e-9));
        });
    }

    @Test
    void memoryAndStorageAreStrandedBesideTheExhaustedCpu() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());

        assertThat(report.stranded()).hasSize(2);
        StrandedRow memory = report.stranded().get(0);
        assertThat(memory.binding()).isEqualTo("cpu");
        assertThat(memory.bindingFraction()).isCloseTo(0.8984375, within(1e-12));
        assertThat(memory.resource()).isEqualTo("memory");
        assertThat(memory.stranded()).isCloseTo(520, within(1e-9));
        assertThat(memory.unit()).isEqualTo("GiB");
        assertThat(memory.usdPerMonth()).isCloseTo(127.454167, within(1e-6));
        assertThat(memory.hostShapes()).containsExactly("big");
        StrandedRow storage = report.stranded().get(1);
        assertThat(storage.stranded()).isCloseTo(7.1875, within(1e-12));
        assertThat(storage.unit()).isEqualTo("TB");
        assertThat(storage.usdPerMonth()).isCloseTo(42.280469, within(1e-6));
        assertThat(report.strandedUsdPerMonth()).isCloseTo(127.454167 + 42.280469, within(1e-5));
    }

    @Test
    void rightsizingFreesWhatIsAboveP95PlusTheMargin() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());

        assertThat(report.rightsizing())
                .extracting(RightsizingRow::service, RightsizingRow::recommended, RightsizingRow::reclaimable)
                .containsExactly(tuple("checkout", 120.0, 180.0), tuple("search", 2.4, 97.6));
        assertThat(report.rightsizing().get(0).usdPerMonth()).isCloseTo(44.11875, within(1e-6));
        assertThat(report.rightsizing().get(1).usdPerMonth()).isCloseTo(23.922167, within(1e-6));
        assertThat(report.rightsizingUsdPerMonth()).isCloseTo(44.11875 + 23.922167, within(1e-5));
    }

    @Test
    void rendersSnakeCaseJsonWithUnits() {
        UtilizationReport report = service.analyse(UtilizationRequest.defaults());
        ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

        JsonNode row = json.valueToTree(report.utilization().get(1));
        assertThat(row.path("used_p95").asDouble()).isEqualTo(100);
        assertThat(row.path("allocated_p50").asDouble()).isEqualTo(300);
        assertThat(row.path("supply_share").asDouble()).isCloseTo(300.0 / 1024, within(1e-12));
        assertThat(row.path("unit").asText()).isEqualTo("GiB");
        assertThat(row.path("status").asText()).isEqualTo("under_used");
        JsonNode stranded = json.valueToTree(report.stranded().get(0));
        assertThat(stranded.path("usd_per_month").asDouble()).isCloseTo(127.454167, within(1e-6));
        assertThat(stranded.path("host_shapes").get(0).asText()).isEqualTo("big");
        JsonNode rightsizing = json.valueToTree(report.rightsizing().get(0));
        assertThat(rightsizing.path("reclaimable").asDouble()).isEqualTo(180);
        assertThat(rightsizing.path("unit").asText()).isEqualTo("GiB");
    }

    @Test
    void aServiceScopeKeepsItsRowsAndItsClusters() {
        UtilizationReport report =
                service.analyse(new UtilizationRequest(new FleetScope(null, null, null, "search"), null, 90));

        assertThat(report.utilization()).extracting(ServiceRow::service).containsOnly("search");
        assertThat(report.clusterUtilization()).hasSize(3);
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertThatThrownBy(() ->
                        service.analyse(new UtilizationRequest(new FleetScope(null, null, "nope", null), null, 90)))
                .isInstanceOf(UnknownScopeException.class)
                .hasMessage("the fleet has no servers and no usage under cluster \"nope\" between 2025-01-01 and"
                        + " 2025-03-31");
    }

    @Test
    void aWindowOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new UtilizationRequest(FleetScope.FLEET, null, 0))
                .isInstanceOf(FleetcastException.class)
                .hasMessage("the window must be 1 to 3660 days, got 0");
    }
}
