package io.fleetcast.app.capacity;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster worked by hand, as files (skus, assets, services, usage): ash-c1 holds two {@code big} servers (64 cores, 512 GiB, 4 TB
 * each; USD 14,500 over 60 months, 450 W), so 128 cores, 1024 GiB and 8 TB. Every day of the window checkout uses 100
 * cores of 115 allocated and 100 GiB of 300; search uses 2 GiB of 100. Nothing uses storage.
 *
 * <p>cpu is held 115 / 128 = 0.8984 (binding, above 0.85); memory 400 / 1024 = 0.3906: 1024 × (0.8984 − 0.3906) =
 * 920 − 400 = 520 GiB stranded; storage 0: 8 × 0.8984 = 7.1875 TB stranded. The cluster's rates are big's: 274.516667
 * USD a month over a weighted capacity of 140, so a GiB costs 274.516667 × 0.125 / 140 = 0.245104 and a TB 5.8825 USD a
 * month. Checkout memory (100 of 300, under-used) is rightsized to 120 GiB, freeing 180 (44.11875 USD a month); search
 * memory (2 of 100, idle) to 2.4 GiB, freeing 97.6 (23.922167 USD).
 */
public final class HandWorkedCluster {
    /** The last day of usage. */
    public static final LocalDate LAST_DAY = LocalDate.parse("2025-03-31");
    /** A cloud instance type's skus.csv line: m6id.4xlarge, 16 vCPUs, 64 GiB, 0.95 TB, 0.9492 USD/h on demand. */
    public static final String CLOUD_SKU =
            "m6id.4xlarge,cloud,\"16 vCPUs, 64 GiB, 0.95 TB\",16,64,0.95,,0.9492,0.598,,,";
    /** What a GiB of memory costs a month in ash-c1, USD. */
    public static final double USD_PER_GIB_MONTH = (14500.0 / 60 + 32.85) * 0.125 / 140;

    private HandWorkedCluster() {}

    /** Writes the files into {@code files} and returns it. */
    public static Path write(Path files) throws IOException {
        write(
                files,
                "skus.csv",
                List.of(
                        "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,"
                                + "power_watts,depreciation_months,lifetime_months",
                        "big,owned,2U compute,64,512,4.0,14500.00,,,450,60,72"));
        write(
                files,
                "assets.csv",
                List.of(
                        "asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,"
                                + "retire_date",
                        "a1,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,",
                        "a2,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,"));
        write(
                files,
                "services.csv",
                List.of("service,team,org,tier", "checkout,payments,commerce,critical", "search,discovery,commerce,"));
        List<String> usage = new ArrayList<>();
        usage.add("ts,grain,service,cluster,resource,unit,used,allocated");
        for (LocalDate day = LAST_DAY.minusDays(9); !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            usage.add(day + ",day,checkout,ash-c1,cpu,cores,100,115");
            usage.add(day + ",day,checkout,ash-c1,memory,GiB,100,300");
            usage.add(day + ",day,search,ash-c1,memory,GiB,2,100");
        }
        write(files, "usage.csv", usage);
        return files;
    }

    /** Appends {@code lines} to {@code file}. */
    public static void append(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), UTF_8, StandardOpenOption.APPEND);
    }

    /** Writes orders.csv into {@code files}: PO-1, two big servers for ash-c1, delivered 75 days after ordering. */
    public static void writeDeliveredOrder(Path files) throws IOException {
        write(
                files,
                "orders.csv",
                List.of(
                        "order_id,sku,site,cluster,quantity,ordered_date,promised_date,delivered_date,status",
                        "PO-1,big,dc-ash,ash-c1,2,2023-10-01,2023-12-01,2023-12-15,delivered"));
    }

    /** An app on a new store in {@code folder}, its clock on the day after {@link #LAST_DAY}, with {@code files}. */
    public static FleetcastApp open(Path folder, Path files) {
        FleetcastApp app = FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC)));
        app.ingest().ingestFolder(files, false, IngestProgress.NONE);
        return app;
    }

    private static void write(Path folder, String name, List<String> lines) throws IOException {
        Files.write(folder.resolve(name), lines, UTF_8);
    }
}
