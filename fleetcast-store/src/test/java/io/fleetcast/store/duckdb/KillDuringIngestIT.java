package io.fleetcast.store.duckdb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of a load leaves the store exactly as it was before the load: the
 * rows loaded earlier unchanged, none of the killed load's rows, no ingest log entry; and the store still works.
 */
class KillDuringIngestIT {
    @TempDir
    Path folder;

    @Test
    void killMinusNineDuringALoadLosesNothingAndAddsNothing() throws Exception {
        Path database = folder.resolve("fleetcast.duckdb");
        Path big = writeUsage(folder.resolve("big.csv"), 4_000_000, 1.0);
        String before;
        try (DuckDbStore store = DuckDbStore.open(StoreConfig.of(database).withThreads(2), TestFleet.CLOCK)) {
            TestFleet.loadTopology(store, folder);
            // Rows the killed load would replace: they must survive untouched.
            TestFleet.ingest(store, Kind.USAGE, writeUsage(folder.resolve("small.csv"), 1_000, 5.0));
            before = fingerprint(store);
        }

        Process child = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        IngestChild.class.getName(),
                        database.toString(),
                        big.toString())
                .redirectErrorStream(true)
                .start();
        long killedAt = waitForProgress(child, 0.3);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(killedAt).isPositive();

        try (DuckDbStore store = DuckDbStore.open(StoreConfig.of(database).withThreads(2), TestFleet.CLOCK)) {
            assertThat(fingerprint(store)).isEqualTo(before);
            assertThat(TestFleet.value(store, "SELECT count(*) FROM ingest_log WHERE source_file LIKE '%big.csv'"))
                    .isEqualTo(0L);
            // The store is not damaged: the same file loads completely now.
            assertThat(TestFleet.ingest(store, Kind.USAGE, big).rowsLoaded()).isEqualTo(4_000_000);
        }
    }

    private static String fingerprint(DuckDbStore store) {
        return store.query(
                        "SELECT count(*), sum(used), sum(source_line), min(ts), max(ts), count(DISTINCT ingest_id),"
                                + " (SELECT count(*) FROM ingest_log), (SELECT count(*) FROM assets) FROM usage",
                        1)
                .rows()
                .toString();
    }

    /** Reads the child's output until it has read {@code fraction} of the file; returns the bytes read then. */
    private static long waitForProgress(Process child, double fraction) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("PROGRESS ")) {
                List<String> parts = Splitter.on(' ').splitToList(line);
                long read = Long.parseLong(parts.get(1));
                long total = Long.parseLong(parts.get(2));
                if (read >= fraction * total && read < total) {
                    return read;
                }
            } else if (line.equals("DONE")) {
                throw new AssertionError("the load finished before it could be killed");
            } else if (!line.equals("OPENED")) {
                throw new AssertionError("child: " + line);
            }
        }
        throw new AssertionError("the child ended without reporting progress");
    }

    /** Hourly usage of the test fleet's services and clusters: {@code rows} rows, values scaled by {@code scale}. */
    static Path writeUsage(Path file, int rows, double scale) throws IOException {
        List<String> services = List.of("checkout", "search");
        List<String> clusters = List.of("ash-c1", "ash-c2");
        List<String> resources = List.of("cpu", "memory", "storage");
        List<String> units = List.of("cores", "GiB", "TB");
        long start = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
            out.write("ts,grain,service,cluster,resource,unit,used,allocated\n");
            for (int i = 0; i < rows; i++) {
                int series = i % 12;
                String ts = Instant.ofEpochSecond(start + (i / 12) * 3600L).toString();
                out.write(ts + ",hour," + services.get(series % 2) + "," + clusters.get((series / 2) % 2) + ","
                        + resources.get(series / 4) + "," + units.get(series / 4) + ","
                        + String.format(Locale.ROOT, "%.3f", scale * (10 + (i % 97))) + ",200\n");
            }
        }
        return file;
    }
}
