package io.fleetcast.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.IngestListener;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.IngestRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A tiny fleet in files, and helpers to load it: the fixtures of the store's tests. */
public final class TestFleet {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);

    public static final List<String> SKUS = List.of(
            "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,power_watts,"
                    + "depreciation_months,lifetime_months",
            "gen6-compute,owned,2U compute,64,512,3.84,14500.00,,,450,60,72",
            "m7.4xlarge,cloud,cloud instance,16,64,0,,0.8064,0.5080,,,");

    public static final List<String> ASSETS = List.of(
            "asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,retire_date",
            "srv-1,gen6-compute,us-east,dc-ash,datacenter,ash-c1,r01,2024Q1,owned,2024-02-01,,",
            "srv-2,gen6-compute,us-east,dc-ash,datacenter,ash-c1,r01,2024Q1,owned,2024-02-01,2025-06-30,",
            "srv-3,gen6-compute,us-east,dc-ash,datacenter,ash-c2,r02,2024Q1,owned,2024-02-03,,",
            "vm-1,m7.4xlarge,eu-west,aws-eu-west-1,cloud,euw-c1,,,on_demand,2025-01-10,,");

    public static final List<String> SERVICES =
            List.of("service,team,org,tier", "checkout,payments,commerce,critical", "search,discovery,commerce,");

    private TestFleet() {}

    /** Writes the lines as a file in {@code folder}. */
    public static Path write(Path folder, String name, List<String> lines) {
        try {
            Path file = folder.resolve(name);
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngestReport ingest(Store store, Kind kind, Path file) {
        return store.ingest(
                new IngestRequest(kind, file, FileFormat.fromFileName(file).orElseThrow(), false), IngestListener.NONE);
    }

    public static IngestReport ingestSkippingBad(Store store, Kind kind, Path file) {
        return store.ingest(
                new IngestRequest(kind, file, FileFormat.fromFileName(file).orElseThrow(), true), IngestListener.NONE);
    }

    /** Loads skus, assets and services: what usage and telemetry refer to. */
    public static void loadTopology(Store store, Path folder) {
        ingest(store, Kind.SKUS, write(folder, "skus.csv", SKUS));
        ingest(store, Kind.ASSETS, write(folder, "assets.csv", ASSETS));
        ingest(store, Kind.SERVICES, write(folder, "services.csv", SERVICES));
    }

    /** The single value of a one-row, one-column query. */
    public static Object value(Store store, String sql) {
        Object value = store.query(sql, 1).rows().get(0).get(0);
        if (value == null) {
            throw new AssertionError("NULL from " + sql);
        }
        return value;
    }
}
