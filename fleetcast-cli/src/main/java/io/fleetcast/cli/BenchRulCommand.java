package io.fleetcast.cli;

import io.fleetcast.app.bench.RulBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "rul",
        mixinStandardHelpOptions = true,
        description = {
            "Predict the remaining useful life of NASA's C-MAPSS turbofan engines with gradient-boosted trees and"
                    + " score it as the literature does (RUL capped at 125 cycles, last cycle of each test engine, RMSE"
                    + " and the NASA score). With --peer, scikit-learn's HistGradientBoostingRegressor runs on the same"
                    + " features. Example: fleetcast bench rul --cmapss ../shared/data/cmapss --subset FD001 --peer"
        })
final class BenchRulCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--cmapss",
            paramLabel = "DIR",
            required = true,
            description =
                    "Folder with the C-MAPSS files (train_FD001.txt.gz, test_FD001.txt.gz, RUL_FD001.txt.gz, ...).")
    Path cmapss = Path.of(".");

    @Option(names = "--subset", paramLabel = "FD00x", required = true, description = "FD001, FD002, FD003 or FD004.")
    String subset = "FD001";

    @Option(
            names = "--peer",
            description = "Also train scikit-learn's HistGradientBoostingRegressor on the same features"
                    + " (needs python3 with scikit-learn: scripts/ensure-sklearn.sh installs it).")
    boolean peer;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            defaultValue = "fleetcast-bench/rul",
            description = "Folder for the feature files the peer reads (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("fleetcast-bench/rul");

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        String name = subset.toUpperCase(Locale.ROOT);
        if (!name.matches("FD00[1-4]")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--subset must be FD001, FD002, FD003 or FD004, got '" + subset + "'");
        }
        RulBenchmark.Result result = RulBenchmark.run(cmapss, name, peer ? work.resolve(name) : null, terminal::say);
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%s: RMSE %.2f cycles (uncapped truth %.2f), NASA score %.1f; trained in %.1f s, %.1f s in all",
                result.subset(),
                result.rmse(),
                result.rmseUncapped(),
                result.score(),
                result.trainSeconds(),
                result.seconds()));
        RulBenchmark.Peer other = result.peer();
        if (other != null) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "  peer %s %s: RMSE %.2f cycles (uncapped %.2f), NASA score %.1f; trained in %.1f s",
                    other.method(),
                    other.version(),
                    other.rmse(),
                    other.rmseUncapped(),
                    other.score(),
                    other.trainSeconds()));
        }
        terminal.say("  most important features: " + result.topFeatures());
        return 0;
    }
}
