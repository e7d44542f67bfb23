package io.fleetcast.cli;

import io.fleetcast.app.bench.LifeBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "life",
        mixinStandardHelpOptions = true,
        description = {
            "Write a fleet-sized life data set (Weibull lives in whole days, a share suspended) and time fleetcast life"
                    + " fit on it. scripts/compare-life-with-r.sh fits the same file with R's survreg in the same run.",
            "Example: fleetcast bench life --units 1000000 --suspended 0.8"
        })
final class BenchLifeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--units", paramLabel = "N", description = "Units (default 1,000,000).")
    long units = 1_000_000;

    @Option(names = "--suspended", paramLabel = "S", description = "Share suspended (default 0.8).")
    double suspended = 0.8;

    @Option(
            names = "--out",
            paramLabel = "CSV",
            description = "Where to write the data (default fleetcast-bench/life.csv).")
    Path out = Path.of("fleetcast-bench", "life.csv");

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        Terminal terminal = Terminals.of(spec);
        if (out.getParent() != null) {
            java.nio.file.Files.createDirectories(out.getParent());
        }
        LifeBenchmark.Result result = LifeBenchmark.run(units, suspended, out);
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%s: %d units, %.1f%% suspended; Fleetcast read and fitted it in %.3f s: Weibull scale %.10g days, shape"
                        + " %.10g (true %.0f and %.2f), log-likelihood %.6f",
                result.file(),
                result.units(),
                100 * result.suspended(),
                result.seconds(),
                result.fit().params().get("scale"),
                result.fit().params().get("shape"),
                LifeBenchmark.SCALE_DAYS,
                LifeBenchmark.SHAPE,
                result.fit().loglik()));
        return 0;
    }
}
