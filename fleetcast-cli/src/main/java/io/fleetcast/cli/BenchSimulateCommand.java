package io.fleetcast.cli;

import io.fleetcast.app.bench.SimulationBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate a fleet and report the time, the rows per file and the peak memory (Java heap and process)."
                    + " For the large fleet: fleetcast bench simulate --servers 100000 --days 1095"
        })
final class BenchSimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SimulateCommand.SimulationOptions fleet = new SimulateCommand.SimulationOptions();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "fleetcast-bench/simulation",
            description = "Folder for the files (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("fleetcast-bench", "simulation");

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        SimulationBenchmark.Result result =
                SimulationBenchmark.run(fleet.config(), out, new SimulationProgress(terminal));
        if (json) {
            terminal.json(result);
        } else {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%d servers x %d days: %s (%s) in %.1f s; peak Java heap %s, peak process memory %s",
                    result.config().servers(),
                    result.config().days(),
                    Terminal.rows(result.totalRows()),
                    Terminal.bytes(result.bytesWritten()),
                    result.seconds(),
                    Terminal.bytes(result.peakHeapBytes()),
                    result.peakResidentBytes() < 0 ? "unknown" : Terminal.bytes(result.peakResidentBytes())));
        }
        return 0;
    }
}
