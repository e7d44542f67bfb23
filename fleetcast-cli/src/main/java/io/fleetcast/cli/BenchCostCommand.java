package io.fleetcast.cli;

import io.fleetcast.app.bench.CostBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = {
            "Write a month of FOCUS cost lines, load them once, then time the month's cost report (aggregation,"
                    + " ownership, attribution to the cent, anomalies, savings) next to DuckDB summing the same lines"
                    + " per team tag in one plain query, in the same run."
        })
final class BenchCostCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "10000000",
            description = "Cost lines in the month (default: ${DEFAULT-VALUE}).")
    long lines = 10_000_000;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        CostBenchmark.Result result = CostBenchmark.run(
                new CostBenchmark.Request(lines, bench.rounds, bench.work, bench.threads), terminal::say);
        if (bench.json) {
            terminal.json(result);
        } else {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%s cost lines (%s), %d threads: loaded in %.1f s; month's cost report %.2f s, DuckDB sum per team"
                            + " %.2f s, ratio %.1f (medians of %d rounds); peak heap %s; billed %,.2f USD over %d rows",
                    Terminal.count(result.lines()),
                    Terminal.bytes(result.fileBytes()),
                    result.threads(),
                    result.ingestSeconds(),
                    result.reportSeconds(),
                    result.peerSeconds(),
                    result.ratio(),
                    result.rounds().size(),
                    Terminal.bytes(result.peakHeapBytes()),
                    result.billed(),
                    result.teams()));
        }
        return 0;
    }
}
