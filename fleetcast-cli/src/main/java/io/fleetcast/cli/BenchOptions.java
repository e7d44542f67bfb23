package io.fleetcast.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options the measuring benchmarks share: where their data goes, how many rounds, threads, JSON output. */
final class BenchOptions {
    @Option(
            names = "--work",
            paramLabel = "DIR",
            defaultValue = "fleetcast-bench",
            description =
                    "Folder for the generated data (kept for reuse) and the databases (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("fleetcast-bench");

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "3",
            description = "Measurements; the result is their median (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--threads", paramLabel = "T", description = "DuckDB threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;
}
