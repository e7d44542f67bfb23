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
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Ingest a file, export what was stored as a file, ingest that: every row is replaced by itself, and the store holds
 * exactly the same data.
 */
class IngestRoundTripPropertyTest {
    private static final String SELECT =
            "SELECT ts, grain, service, cluster, resource, unit, used, allocated FROM usage"
                    + " ORDER BY service, cluster, resource, grain, ts";

    record UsageRow(long hour, String service, String cluster, String resource, double used, Double allocated) {}

    @Property(tries = 8)
    void ingestExportIngestIsTheIdentity(@ForAll @Size(min = 1, max = 40) List<@From("rows") UsageRow> rows)
            throws IOException {
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

    @Provide
    Arbitrary<UsageRow> rows() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 500),
                        Arbitraries.of("checkout", "search"),
                        Arbitraries.of("ash-c1", "ash-c2"),
                        Arbitraries.of("cpu", "memory", "storage"),
                        Arbitraries.doubles().between(0, 1e9).ofScale(6),
                        Arbitraries.doubles().between(0, 1e9).injectNull(0.3))
                .as(UsageRow::new);
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
