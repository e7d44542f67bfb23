package io.fleetcast.cli;

import io.fleetcast.app.bench.DriveFailureBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "drives",
        mixinStandardHelpOptions = true,
        description = {
            "Predict which of Backblaze's real drives fail within H days from their SMART data, trained on the"
                    + " months before 2016 and tested on 2016's, next to Backblaze's SMART-threshold rule: PR-AUC, and"
                    + " precision and recall when k drives a month can be visited."
                    + " Example: fleetcast bench drives --backblaze ../shared/data/backblaze"
        })
final class BenchDrivesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--backblaze",
            paramLabel = "DIR",
            required = true,
            description = "Folder with the Backblaze subset's hds.csv.gz.")
    Path backblaze = Path.of(".");

    @Option(
            names = "--horizon",
            paramLabel = "DAYS",
            defaultValue = "30",
            description = "Failure within this many days is the target (default: ${DEFAULT-VALUE}).")
    int horizon = 30;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "50",
            description = "Drives the service team can visit each month (default: ${DEFAULT-VALUE}).")
    int k = 50;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        DriveFailureBenchmark.Result result = DriveFailureBenchmark.run(backblaze, horizon, k, terminal::say);
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%d test months, %d drive snapshots, %d failed within %d days; k = %d visits a month",
                result.testMonths(),
                result.testSnapshots(),
                result.testFailures(),
                result.horizonDays(),
                result.k()));
        for (String name : new String[] {"model", "SMART rule"}) {
            DriveFailureBenchmark.Scores scores = name.equals("model") ? result.model() : result.baseline();
            terminal.say(String.format(
                    Locale.ROOT,
                    "  %-10s PR-AUC %.3f, precision@%d %.3f, recall@%d %.3f",
                    name,
                    scores.prAuc(),
                    result.k(),
                    scores.precisionAtK(),
                    result.k(),
                    scores.recallAtK()));
        }
        terminal.say(String.format(
                Locale.ROOT, "  trained in %.1f s, %.1f s in all", result.trainSeconds(), result.seconds()));
        terminal.say("  most important features: " + result.topFeatures());
        return 0;
    }
}
