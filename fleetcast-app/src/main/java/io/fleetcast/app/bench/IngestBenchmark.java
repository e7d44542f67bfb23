package io.fleetcast.app.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.duckdb.ReadCsvBaseline;
import io.fleetcast.store.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Measures how fast Fleetcast loads a large usage CSV (validating every row, keeping lineage, one transaction) next to
 * DuckDB's own {@code read_csv} into a table on the same file, alternating the two in each round.
 */
public final class IngestBenchmark {
    /**
     * What to measure.
     *
     * @param rows usage rows in the file
     * @param rounds measurements of each side
     * @param folder where the data file and the databases go (the file is kept and reused)
     * @param threads engine threads for both sides
     */
    public record Request(long rows, int rounds, Path folder, int threads) {
        public Request {
            checkArgument(rows >= 1000, "rows must be >= 1000, got %s", rows);
            checkArgument(rounds >= 1, "rounds must be >= 1, got %s", rounds);
            requireNonNull(folder, "folder is null");
            checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
        }
    }

    /** One round: each side's seconds. */
    public record Round(double readCsvSeconds, double fleetcastSeconds) {}

    /**
     * The result. Rates are median rows per second over the rounds; {@code ratio} is Fleetcast's rate over
     * {@code read_csv}'s.
     */
    public record Result(
            long rows,
            long fileBytes,
            int threads,
            List<Round> rounds,
            double readCsvRowsPerSecond,
            double fleetcastRowsPerSecond,
            double ratio) {
        public Result {
            rounds = ImmutableList.copyOf(rounds);
        }
    }

    private IngestBenchmark() {}

    /** Runs the benchmark; {@code log} hears what happens, for people watching. */
    public static Result run(Request request, Consumer<String> log) {
        Path folder = request.folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + folder, e);
        }
        Path usage = folder.resolve("usage-" + request.rows() + ".csv");
        if (!Files.isRegularFile(usage)) {
            log.accept("writing " + request.rows() + " usage rows to " + usage + " ...");
            BenchmarkFleet.writeUsage(usage, request.rows());
        }
        BenchmarkFleet.writeTopology(folder);
        long fileBytes = size(usage);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= request.rounds(); round++) {
            double baseline = seconds(ReadCsvBaseline.load(
                    storeConfig(fresh(folder.resolve("baseline.duckdb")), request.threads()),
                    Kind.USAGE.schema(),
                    usage));
            double fleetcast = seconds(loadWithFleetcast(folder, usage, request.threads()));
            rounds.add(new Round(baseline, fleetcast));
            log.accept(String.format(
                    java.util.Locale.ROOT,
                    "round %d: read_csv %.2f s, fleetcast ingest %.2f s",
                    round,
                    baseline,
                    fleetcast));
        }
        fresh(folder.resolve("baseline.duckdb"));
        fresh(folder.resolve("fleetcast.duckdb"));
        double baselineRate = request.rows()
                / median(rounds.stream().map(Round::readCsvSeconds).toList());
        double fleetcastRate = request.rows()
                / median(rounds.stream().map(Round::fleetcastSeconds).toList());
        return new Result(
                request.rows(),
                fileBytes,
                request.threads(),
                rounds,
                baselineRate,
                fleetcastRate,
                fleetcastRate / baselineRate);
    }

    private static long loadWithFleetcast(Path folder, Path usage, int threads) {
        Path database = fresh(folder.resolve("fleetcast.duckdb"));
        try (FleetcastApp app = FleetcastApp.open(new AppConfig(storeConfig(database, threads), Clock.systemUTC()))) {
            for (Kind kind : List.of(Kind.SKUS, Kind.ASSETS, Kind.SERVICES)) {
                app.ingest()
                        .ingest(kind, List.of(folder.resolve(kind.tableName() + ".csv")), false, IngestProgress.NONE);
            }
            long start = System.nanoTime();
            IngestReport report = app.ingest()
                    .ingest(Kind.USAGE, List.of(usage), false, IngestProgress.NONE)
                    .get(0);
            long elapsed = System.nanoTime() - start;
            if (report.rowsLoaded() != report.rowsRead()) {
                throw FleetcastException.internal(
                        "benchmark load lost rows: read " + report.rowsRead() + ", loaded " + report.rowsLoaded(),
                        null);
            }
            return elapsed;
        }
    }

    private static StoreConfig storeConfig(Path database, int threads) {
        return StoreConfig.of(database).withThreads(threads);
    }

    /** Deletes the database and its side files so each measurement starts from nothing. */
    private static Path fresh(Path database) {
        Path parent = database.toAbsolutePath().getParent();
        String name = String.valueOf(database.getFileName());
        try (Stream<Path> files = Files.list(parent)) {
            for (Path file : files.filter(f -> String.valueOf(f.getFileName()).startsWith(name))
                    .toList()) {
                deleteRecursively(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("clearing " + database, e);
        }
        return database;
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** The median of {@code values}; the benchmarks report medians of their rounds. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
