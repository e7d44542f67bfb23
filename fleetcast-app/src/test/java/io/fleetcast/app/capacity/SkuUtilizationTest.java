package io.fleetcast.app.capacity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.capacity.UtilizationReport.SkuRow;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Utilization per SKU on a fleet worked by hand. ash-c1 mixes 2 {@code big} servers (64 cores, 512 GiB, 4 TB each)
 * with 4 {@code small} ones (16 cores, 64 GiB, no storage): 128 + 64 = 192 cores, so big holds 2/3 of its cpu and
 * small 1/3; of its 1,280 GiB big holds 1,024 (0.8) and small 256 (0.2); its 8 TB are all big's. ash-c2 is 2 small
 * servers, 32 cores. Over the ten days to 2025-03-31 checkout uses 90, 91, ..., 99 cores of ash-c1 (P50 94.5, P95
 * 98.55, max 99) with 120 allocated, and 500 GiB of 600; search uses 16 cores of ash-c2 with 24 allocated.
 */
class SkuUtilizationTest {
    private static final LocalDate LAST_DAY = LocalDate.parse("2025-03-31");

    @TempDir
    static Path folder;

    private static DuckDbStore store;
    private static UtilizationService service;

    @BeforeAll
    static void loadFleet() throws IOException {
        Path files = Files.createDirectory(folder.resolve("files"));
        write(
                files,
                "skus.csv",
                "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,"
                        + "power_watts,depreciation_months,lifetime_months",
                "big,owned,2U compute,64,512,4.0,14500.00,,,450,60,72",
                "small,owned,1U compute,16,64,0,4000.00,,,150,60,72");
        List<String> assets = new ArrayList<>();
        assets.add("asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,"
                + "retire_date");
        assets.add("b1,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,");
        assets.add("b2,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,");
        for (int i = 1; i <= 4; i++) {
            assets.add("s" + i + ",small,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,");
        }
        assets.add("s5,small,us-east,dc-ash,datacenter,ash-c2,,,owned,2024-01-01,,");
        assets.add("s6,small,us-east,dc-ash,datacenter,ash-c2,,,owned,2024-01-01,,");
        // Failed before the window: not in service, so not counted.
        assets.add("s7,small,us-east,dc-ash,datacenter,ash-c2,,,owned,2024-01-01,2024-06-01,");
        write(files, "assets.csv", assets.toArray(String[]::new));
        write(
                files,
                "services.csv",
                "service,team,org,tier",
                "checkout,payments,commerce,critical",
                "search,discovery,commerce,");
        List<String> usage = new ArrayList<>();
        usage.add("ts,grain,service,cluster,resource,unit,used,allocated");
        for (int i = 0; i < 10; i++) {
            LocalDate day = LAST_DAY.minusDays(9 - i);
            usage.add(day + ",day,checkout,ash-c1,cpu,cores," + (90 + i) + ",120");
            usage.add(day + ",day,checkout,ash-c1,memory,GiB,500,600");
            usage.add(day + ",day,search,ash-c2,cpu,cores,16,24");
        }
        write(files, "usage.csv", usage.toArray(String[]::new));
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
    void eachClustersUseIsSplitOverItsSkusByTheirShareOfItsCapacity() {
        List<SkuRow> rows = service.analyse(UtilizationRequest.defaults()).skuUtilization();

        // Small has no storage, so no storage row; ash-c2 has neither memory nor storage use, but its memory supply.
        assertThat(rows)
                .extracting(SkuRow::cluster, SkuRow::resource, SkuRow::sku, SkuRow::servers, SkuRow::supply)
                .containsExactly(
                        tuple("ash-c1", "cpu", "big", 2L, 128.0),
                        tuple("ash-c1", "cpu", "small", 4L, 64.0),
                        tuple("ash-c1", "memory", "big", 2L, 1024.0),
                        tuple("ash-c1", "memory", "small", 4L, 256.0),
                        tuple("ash-c1", "storage", "big", 2L, 8.0),
                        tuple("ash-c2", "cpu", "small", 2L, 32.0),
                        tuple("ash-c2", "memory", "small", 2L, 128.0));
        SkuRow bigCpu = rows.get(0);
        assertThat(bigCpu.kind()).isEqualTo("owned");
        assertThat(bigCpu.unit()).isEqualTo("cores");
        assertThat(bigCpu.share()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(bigCpu.days()).isEqualTo(10);
        assertThat(bigCpu.usedP50()).isCloseTo(94.5 * 2 / 3, within(1e-9));
        assertThat(bigCpu.usedP95()).isCloseTo(98.55 * 2 / 3, within(1e-9));
        assertThat(bigCpu.usedMax()).isCloseTo(66.0, within(1e-9));
        assertThat(bigCpu.allocatedP95()).isCloseTo(80.0, within(1e-9));
        assertThat(bigCpu.allocatedNow()).isCloseTo(80.0, within(1e-9));
        SkuRow smallCpu = rows.get(1);
        assertThat(smallCpu.usedP95()).isCloseTo(98.55 / 3, within(1e-9));
        assertThat(smallCpu.allocatedNow()).isCloseTo(40.0, within(1e-9));
        // The shares of a cluster's SKUs add up to its whole use.
        assertThat(requireNonNull(bigCpu.usedMax()) + requireNonNull(smallCpu.usedMax()))
                .isCloseTo(99.0, within(1e-9));
        assertThat(rows.get(2).usedP95()).isCloseTo(400.0, within(1e-9));
        assertThat(rows.get(3).allocatedNow()).isCloseTo(120.0, within(1e-9));
        // A cluster of one SKU gives it all of its use.
        SkuRow alone = rows.get(5);
        assertThat(alone.share()).isEqualTo(1.0);
        assertThat(alone.usedP95()).isCloseTo(16.0, within(1e-9));
        assertThat(alone.allocatedNow()).isCloseTo(24.0, within(1e-9));
        // Without use of a resource, a SKU has its supply and no use.
        SkuRow unused = rows.get(6);
        assertThat(unused.days()).isZero();
        assertThat(unused.usedP95()).isNull();
        assertThat(unused.allocatedNow()).isNull();
    }

    @Test
    void aScopeKeepsItsClustersSkus() {
        List<SkuRow> rows = service.analyse(
                        new UtilizationRequest(new FleetScope(null, null, "ash-c2", null), null, 90))
                .skuUtilization();

        assertThat(rows).extracting(SkuRow::cluster).containsOnly("ash-c2");
        assertThat(rows).extracting(SkuRow::sku).containsOnly("small");
    }

    private static void write(Path folder, String name, String... lines) throws IOException {
        Files.write(folder.resolve(name), List.of(lines), UTF_8);
    }
}
