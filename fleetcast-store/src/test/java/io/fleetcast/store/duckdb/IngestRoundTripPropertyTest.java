package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingest a file, export what was stored as a file, ingest that: every row is replaced by itself, and the store holds
 * exactly the same data.
 */
class IngestRoundTripPropertyTest {
    private static final String SELECT =
            "SELECT ts, grain, service, cluster, resource, unit, used, allocated FROM usage"
                    + " ORDER BY service, cluster, resource, grain, ts";

    record UsageRow(
            long hour,
            String service,
            String cluster,
            String resource,
            double used,
            @Nullable Double allocated) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ingestExportIngestIsTheIdentity(long seed) throws IOException {
        List<UsageRow> rows = rows(new SplittableRandom(seed));
        Path folder = Files.createTempDirectory("fleetcast-roundtrip");
        try {
            List<String> lines = new ArrayList<>();
            lines.add("ts,grain,service,cluster,resource,unit,used,allocated");
            List<String> keys = new ArrayList<>();
            for (UsageRow row : rows) {
                String key = row.hour() + row.service() + row.cluster() + row.resource();
                if (keys.contains(key)) {
                    continue;
                }
                keys.add(key);
                lines.add(Instant.ofEpochSecond(1_767_225_600L + 3600 * row.hour()) + ",hour," + row.service() + ","
                        + row.cluster() + "," + row.resource() + "," + unit(row.resource()) + ","
                        + Double.toString(row.used()) + "," + (row.allocated() == null ? "" : row.allocated()));
            }
            try (DuckDbStore store = DuckDbStore.open(
                    StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(1), TestFleet.CLOCK)) {
                TestFleet.loadTopology(store, folder);
                TestFleet.ingest(store, Kind.USAGE, TestFleet.write(folder, "usage.csv", lines));
                QueryResult first = store.query(SELECT, 1000);
                // An extra column makes the export a different file, not the same content loaded again.
                List<String> exported = new ArrayList<>();
                exported.add("ts,grain,service,cluster,resource,unit,used,allocated,note");
                for (List<Object> row : first.rows()) {
                    List<String> fields = new ArrayList<>();
                    for (Object value : row) {
                        fields.add(value == null ? "" : value.toString());
                    }
                    fields.add("exported");
                    exported.add(String.join(",", fields));
                }
                long replaced = TestFleet.ingest(store, Kind.USAGE, TestFleet.write(folder, "exported.csv", exported))
                        .rowsReplaced();
                assertThat(store.query(SELECT, 1000).rows()).isEqualTo(first.rows());
                assertThat(replaced).isEqualTo(keys.size());
            }
        } finally {
            delete(folder);
        }
    }

    /** 1 to 40 random rows; some allocations missing, values spanning nine orders of magnitude. */
    private static List<UsageRow> rows(SplittableRandom random) {
        List<UsageRow> rows = new ArrayList<>();
        int count = 1 + random.nextInt(40);
        String[] services = {"checkout", "search"};
        String[] clusters = {"ash-c1", "ash-c2"};
        String[] resources = {"cpu", "memory", "storage"};
        for (int i = 0; i < count; i++) {
            double used = Math.round(random.nextDouble() * Math.pow(10, random.nextInt(10)) * 1e6) / 1e6;
            Double allocated = random.nextInt(10) < 3 ? null : random.nextDouble() * 1e9;
            rows.add(new UsageRow(
                    random.nextLong(500),
                    services[random.nextInt(2)],
                    clusters[random.nextInt(2)],
                    resources[random.nextInt(3)],
                    used,
                    allocated));
        }
        return rows;
    }

    private static String unit(String resource) {
        return switch (resource.toLowerCase(Locale.ROOT)) {
            case "cpu" -> "cores";
            case "memory" -> "GiB";
            default -> "TB";
        };
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
