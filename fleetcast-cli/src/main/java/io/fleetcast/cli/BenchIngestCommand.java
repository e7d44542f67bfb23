package io.fleetcast.cli;

import io.fleetcast.app.bench.IngestBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "10000000",
            description = "Usage rows (default: ${DEFAULT-VALUE}).")
    long rows = 10_000_000;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        IngestBenchmark.Result result = IngestBenchmark.run(
                new IngestBenchmark.Request(rows, bench.rounds, bench.work, bench.threads), terminal::say);
        if (bench.json) {
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
