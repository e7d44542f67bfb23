package io.fleetcast.cli;

import io.fleetcast.app.bench.IngestBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Load a large usage CSV with Fleetcast (every row validated, lineage kept, one transaction) and with DuckDB's"
                    + " own read_csv into a table, alternately, and report rows/s for both and their ratio."
        })
final class BenchIngestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "10000000",
            description = "Usage rows (default: ${DEFAULT-VALUE}).")
    long rows = 10_000_000;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "3",
            description = "Measurements of each side (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            defaultValue = "fleetcast-bench",
            description = "Folder for the data file (kept for reuse) and the databases (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("fleetcast-bench");

    @Option(names = "--threads", paramLabel = "T", description = "Engine threads for both sides (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        IngestBenchmark.Result result =
                IngestBenchmark.run(new IngestBenchmark.Request(rows, rounds, work, threads), terminal::say);
        if (json) {
            terminal.json(result);
        } else {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%s rows (%s), %d threads: read_csv %,.0f rows/s, fleetcast ingest %,.0f rows/s, ratio %.2f"
                            + " (medians of %d rounds)",
                    Terminal.count(result.rows()),
                    Terminal.bytes(result.fileBytes()),
                    result.threads(),
                    result.readCsvRowsPerSecond(),
                    result.fleetcastRowsPerSecond(),
                    result.ratio(),
                    result.rounds().size()));
        }
        return 0;
    }
}
