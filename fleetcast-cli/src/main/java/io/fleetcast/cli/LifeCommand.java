package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.life.FleetLifeService;
import io.fleetcast.app.life.LifeFitService;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "life",
        mixinStandardHelpOptions = true,
        description = "Life data analysis: fit failure and survival data.",
        subcommands = {LifeCommand.Fit.class, LifeCommand.Fleet.class, LifePlotCommand.class})
final class LifeCommand {
    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description = {
                "Fit a life distribution to a CSV file by maximum likelihood (with censoring) or rank regression, with"
                        + " confidence bounds, B10 life and MTTF in the file's time unit.",
                "Input: header time,state[,count] (state F failed, S suspended) or lower,upper[,count] (lower = upper:"
                        + " failed then; empty upper: suspended at lower; empty or 0 lower: failed by upper; else failed"
                        + " in between).",
                "Example: fleetcast life fit --input drives.csv --dist best --json"
            })
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--input", paramLabel = "CSV", required = true, description = "The life data.")
        Path input = Path.of(".");

        @Option(
                names = "--dist",
                paramLabel = "NAME",
                description = "weibull2p (default), weibull3p, exponential1p, exponential2p, lognormal2p, lognormal3p,"
                        + " normal, gamma, loglogistic, gumbel, or best: fit each and rank them by BIC (AICc too).")
        String dist = "weibull2p";

        @Option(
                names = "--method",
                paramLabel = "M",
                description = "mle (default), or rank regression on Weibull paper: rrx (time on rank) or rry.")
        String method = "mle";

        @Option(
                names = "--confidence",
                paramLabel = "C",
                description = "Two-sided confidence level of the bounds (default 0.95).")
        double confidence = 0.95;

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            LifeFitService.Result result = LifeFitService.fit(input, dist, method, confidence);
            if (json) {
                terminal.json(result);
                return 0;
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "%s by %s: %d failures, %d suspensions; log-likelihood %.4f, AICc %.3f, BIC %.3f",
                    result.distribution(),
                    result.method(),
                    result.failures(),
                    result.suspensions(),
                    result.loglik(),
                    result.aicc(),
                    result.bic()));
            for (Map.Entry<String, Double> parameter : result.params().entrySet()) {
                var bounds = result.bounds().get(parameter.getKey());
                terminal.say(String.format(
                        Locale.ROOT,
                        "  %-9s %12.6g%s",
                        parameter.getKey(),
                        parameter.getValue(),
                        bounds == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "   %.0f%% bounds %.6g to %.6g",
                                        100 * result.confidence(),
                                        bounds.get(0),
                                        bounds.get(1))));
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "  B10 life %.6g%s, MTTF %.6g%s (in the file's time unit)",
                    result.b10(),
                    range(result.b10Bounds()),
                    result.mttf(),
                    range(result.mttfBounds())));
            if (!result.ranking().isEmpty()) {
                terminal.say("  ranking by BIC (AICc):");
                result.ranking()
                        .forEach(ranked -> terminal.say(String.format(
                                Locale.ROOT,
                                "    %-15s BIC %10.3f   AICc %10.3f",
                                ranked.distribution(),
                                ranked.bic(),
                                ranked.aicc())));
            }
            return 0;
        }

        private static String range(List<Double> bounds) {
            return bounds.isEmpty() ? "" : String.format(Locale.ROOT, " (%.6g to %.6g)", bounds.get(0), bounds.get(1));
        }
    }

    @Command(
            name = "fleet",
            mixinStandardHelpOptions = true,
            description = {
                "Fit the stored assets' lives (install to failure; retired and in-service units as suspensions; in"
                        + " days) per segment, rank the segments by B10 life, and forecast the in-service units'"
                        + " failures per month.",
                "Example: fleetcast life fleet --by sku --months 12; fleetcast life fleet --compare compute-2024"
                        + " memory-2024"
            })
    static final class Fleet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--by", paramLabel = "SEGMENT", description = "sku (default), site, region, cluster or batch.")
        String by = "sku";

        @Option(
                names = "--dist",
                paramLabel = "NAME",
                description = "The family fitted to each segment: weibull2p (default), lognormal2p, gamma, ...")
        String dist = "weibull2p";

        @Option(names = "--months", paramLabel = "N", description = "Months of failures to forecast (default 12).")
        int months = 12;

        @Option(
                names = "--compare",
                arity = "2",
                paramLabel = "SEGMENT",
                description = "Instead: test whether two segments' lives differ (likelihood ratio).")
        @org.jspecify.annotations.Nullable
        List<String> compare;

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            FleetLifeService.Segment segment = FleetLifeService.Segment.parse(by);
            Family family = LifeFitService.family(dist);
            try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
                List<String> pair = compare;
                if (pair != null) {
                    LikelihoodRatio test = app.life().compare(segment, pair.get(0), pair.get(1), family);
                    if (json) {
                        terminal.json(Map.of(
                                "statistic", test.statistic(),
                                "degrees_of_freedom", test.degreesOfFreedom(),
                                "p_value", test.pValue()));
                    } else {
                        terminal.say(String.format(
                                Locale.ROOT,
                                "%s vs %s (%s): likelihood-ratio statistic %.3f on %d degrees of freedom, p = %.3g: %s",
                                pair.get(0),
                                pair.get(1),
                                family.label(),
                                test.statistic(),
                                test.degreesOfFreedom(),
                                test.pValue(),
                                test.pValue() < 0.05
                                        ? "their lives differ (5% level)"
                                        : "no evidence that they differ"));
                    }
                    return 0;
                }
                FleetLifeService.Result result = app.life().analyse(segment, family, months, 0.95);
                if (json) {
                    terminal.json(result);
                    return 0;
                }
                terminal.say(String.format(
                        Locale.ROOT,
                        "%s fits by %s, ages to %s, ranked by B10 life (days, 95%% bounds):",
                        result.distribution(),
                        result.by(),
                        result.asOf()));
                for (FleetLifeService.SegmentFit fit : result.segments()) {
                    terminal.say(
                            fit.note() != null
                                    ? String.format(
                                            Locale.ROOT,
                                            "  %-24s %6d units %5d failed  not fitted: %s",
                                            fit.segment(),
                                            fit.units(),
                                            fit.failures(),
                                            fit.note())
                                    : String.format(
                                            Locale.ROOT,
                                            "  %-24s %6d units %5d failed  B10 %8.0f (%.0f to %.0f)  %s",
                                            fit.segment(),
                                            fit.units(),
                                            fit.failures(),
                                            fit.b10Days(),
                                            fit.b10Bounds().get(0),
                                            fit.b10Bounds().get(1),
                                            fit.params()));
                }
                double total = 0;
                for (FleetLifeService.SegmentForecast forecast : result.forecast()) {
                    for (FleetLifeService.MonthForecast month : forecast.months()) {
                        total += month.expected();
                    }
                }
                terminal.say(String.format(
                        Locale.ROOT,
                        "Expected failures of the in-service units in the next %d months: %.1f (per segment and month:"
                                + " --json)",
                        months,
                        total));
            }
            return 0;
        }
    }
}
