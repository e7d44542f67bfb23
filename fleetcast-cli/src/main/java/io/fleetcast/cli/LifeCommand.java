package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.life.FleetLifeService;
import io.fleetcast.app.life.GrowthService;
import io.fleetcast.app.life.LifeFitService;
import io.fleetcast.app.life.LifeTableFile;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "life",
        mixinStandardHelpOptions = true,
        description = "Life data analysis: fit failure and survival data.",
        subcommands = {LifeCommand.Fit.class, LifeCommand.Fleet.class, LifeCommand.Growth.class, LifePlotCommand.class})
final class LifeCommand {
    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description = {
                "Fit a life distribution to a CSV file by maximum likelihood (with censoring) or rank regression, with"
                        + " confidence bounds, B-lives, MTTF and, for a mission, reliability and failure rate, in the"
                        + " file's time unit.",
                "Input: header time,state[,count] (state F failed, S suspended) or lower,upper[,count] (lower = upper:"
                        + " failed then; empty upper: suspended at lower; empty or 0 lower: failed by upper; else failed"
                        + " in between).",
                "Example: fleetcast life fit --input drives.csv --dist best --json; fleetcast life fit --input"
                        + " drives.csv --bounds lr --mission 8760 --age 20000"
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
                        + " normal, gamma, loglogistic, gumbel, weibullmixture (two subpopulations), weibullcr (two competing failure modes), or best: fit each and rank them by BIC (AICc too), or"
                        + " by Anderson-Darling with --method rrx or rry.")
        String dist = "weibull2p";

        @Option(
                names = "--method",
                paramLabel = "M",
                description = "mle (default), or rank regression on the distribution's probability paper: rrx (time on"
                        + " rank) or rry (rank on time); rank regression gives no bounds.")
        String method = "mle";

        @Option(
                names = "--bounds",
                paramLabel = "B",
                description =
                        "fisher (default: Fisher matrix, delta method) or lr (likelihood ratio; weibull2p by mle).")
        String bounds = "fisher";

        @Option(
                names = "--b",
                paramLabel = "P",
                description =
                        "A B-life to quote, in percent failed (10 for B10); repeat for more. Default: 1, 10 and 50.")
        List<Double> bLives = new java.util.ArrayList<>();

        @Option(
                names = "--mission",
                paramLabel = "T",
                description = "A mission time: the reliability over it, the failure rate at it, with bounds.")
        @org.jspecify.annotations.Nullable
        Double mission;

        @Option(
                names = "--age",
                paramLabel = "A",
                description = "With --mission: the age the units have reached, for the reliability over the mission"
                        + " given survival to it (default 0).")
        double age;

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
            LifeFitService.Result result = LifeFitService.fit(new LifeFitService.Request(
                    input,
                    dist,
                    method,
                    confidence,
                    bounds,
                    bLives.isEmpty()
                            ? LifeFitService.DEFAULT_B_LIVES
                            : com.google.common.collect.ImmutableList.copyOf(bLives),
                    mission,
                    age));
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
                                        "   %s%% %s bounds %.6g to %.6g",
                                        number(100 * result.confidence()),
                                        result.boundsMethod().equals("lr") ? "likelihood-ratio" : "Fisher-matrix",
                                        bounds.get(0),
                                        bounds.get(1))));
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "  MTTF %s%s (times in the file's unit)",
                    number(result.mttf()),
                    range(result.mttfBounds())));
            for (LifeFitService.BLife life : result.bLives()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  B%s life %s%s",
                        number(life.percent()),
                        number(life.life()),
                        range(life.bounds())));
            }
            LifeFitService.Mission quoted = result.mission();
            if (quoted != null) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  over a mission of %s: reliability %s%s; failure rate at %s: %s%s",
                        number(quoted.time()),
                        number(quoted.reliability()),
                        range(quoted.reliabilityBounds()),
                        number(quoted.time()),
                        number(quoted.hazard()),
                        range(quoted.hazardBounds())));
                if (quoted.age() > 0) {
                    terminal.say(String.format(
                            Locale.ROOT,
                            "  for a unit that has reached %s: reliability over the mission %s%s",
                            number(quoted.age()),
                            number(quoted.conditionalReliability()),
                            range(quoted.conditionalReliabilityBounds())));
                }
            }
            if (result.correlation() != null) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  probability plot: correlation %.6f, Anderson-Darling %s",
                        result.correlation(),
                        result.andersonDarling() == null
                                ? "infinite"
                                : String.format(Locale.ROOT, "%.4f", result.andersonDarling())));
            }
            if (!result.ranking().isEmpty()) {
                boolean byAndersonDarling = !result.method().equals("MLE");
                terminal.say(byAndersonDarling ? "  ranking by Anderson-Darling:" : "  ranking by BIC (AICc):");
                result.ranking()
                        .forEach(ranked -> terminal.say(
                                byAndersonDarling
                                        ? String.format(
                                                Locale.ROOT,
                                                "    %-15s AD %s",
                                                ranked.distribution(),
                                                ranked.andersonDarling() == null
                                                        ? "infinite"
                                                        : String.format(Locale.ROOT, "%.4f", ranked.andersonDarling()))
                                        : String.format(
                                                Locale.ROOT,
                                                "    %-15s BIC %10.3f   AICc %10.3f",
                                                ranked.distribution(),
                                                ranked.bic(),
                                                ranked.aicc())));
            }
            return 0;
        }

        /** Six significant digits without trailing zeros: {@code 20}, {@code 0.82128}; {@code %.6g} far from 1. */
        private static String number(double value) {
            if (value != 0 && !(Math.abs(value) >= 1e-4 && Math.abs(value) < 1e7)) {
                return String.format(Locale.ROOT, "%.6g", value);
            }
            return new java.math.BigDecimal(value)
                    .round(new java.math.MathContext(6))
                    .stripTrailingZeros()
                    .toPlainString();
        }

        private static String range(List<Double> bounds) {
            return bounds.isEmpty() ? "" : " (" + number(bounds.get(0)) + " to " + number(bounds.get(1)) + ")";
        }
    }

    @Command(
            name = "fleet",
            mixinStandardHelpOptions = true,
            description = {
                "Fit the stored assets' lives (install to failure; retired and in-service units as suspensions; in"
                        + " days or operating hours) per segment, rank the segments by B10 life, and forecast the"
                        + " in-service units' failures per month (with the fit's uncertainty).",
                "With --input: the same table from a CSV (or .csv.gz) of units, one per line, with the columns"
                        + " named by --time, --state, --entry (left truncation) and --by.",
                "Examples: fleetcast life fleet --by sku --months 12; fleetcast life fleet --compare compute-2024"
                        + " memory-2024; fleetcast life fleet --input hds_drives.csv.gz --by model --time exit_hours"
                        + " --state failed --entry entry_hours --unit hours"
            })
    static final class Fleet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(
                names = "--by",
                paramLabel = "SEGMENT",
                description = "sku (default), site, region, cluster or batch; with --input, a column of the file.")
        @org.jspecify.annotations.Nullable
        String by;

        @Option(
                names = "--unit",
                paramLabel = "UNIT",
                description = "Ages in days (default) or hours (operating hours: power_on_hours telemetry, else 24 a"
                        + " day); with --input, the file's time unit, for labels.")
        @org.jspecify.annotations.Nullable
        String unit;

        @Option(names = "--input", paramLabel = "CSV", description = "Fit the units in this file instead of the store.")
        @org.jspecify.annotations.Nullable
        Path input;

        @Option(names = "--time", paramLabel = "COLUMN", description = "With --input: the age column (default time).")
        String time = "time";

        @Option(
                names = "--state",
                paramLabel = "COLUMN",
                description = "With --input: the failed column, F/S or 1/0 (default state).")
        String state = "state";

        @Option(
                names = "--entry",
                paramLabel = "COLUMN",
                description = "With --input: the age at which each unit was first observed (left truncation).")
        @org.jspecify.annotations.Nullable
        String entry;

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
            Family family = LifeFitService.family(dist);
            Path file = input;
            if (file != null) {
                FleetLifeService.Result result = FleetLifeService.analyse(
                        LifeTableFile.read(
                                file,
                                new LifeTableFile.Columns(time, state, entry, by, unit == null ? "time units" : unit)),
                        family,
                        0.95);
                report(terminal, result);
                return 0;
            }
            FleetLifeService.Segment segment = FleetLifeService.Segment.parse(by == null ? "sku" : by);
            FleetLifeService.AgeUnit ages = FleetLifeService.AgeUnit.parse(unit == null ? "days" : unit);
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
                FleetLifeService.Result result = app.life().analyse(segment, family, months, 0.95, ages);
                report(terminal, result);
            }
            return 0;
        }

        private void report(Terminal terminal, FleetLifeService.Result result) {
            if (json) {
                terminal.json(result);
                return;
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "%s fits by %s%s, ranked by B10 life (%s, 95%% bounds):",
                    result.distribution(),
                    result.by(),
                    result.asOf() == null ? "" : ", ages to " + result.asOf(),
                    result.unit()));
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
                                        fit.b10(),
                                        fit.b10Bounds().get(0),
                                        fit.b10Bounds().get(1),
                                        fit.params()));
            }
            result.notes().forEach(note -> terminal.say("  " + note));
            if (result.asOf() == null) {
                return;
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
    }

    @Command(
            name = "growth",
            mixinStandardHelpOptions = true,
            description = {
                "Fit the Crow-AMSAA reliability growth model (power-law NHPP) to repairable systems' failures: is"
                        + " reliability growing (beta < 1), what is the MTBF now, how many failures lie ahead.",
                "Input: header time[,system][,event] (cumulative time of each failure, event F; E marks a system's end"
                        + " of observation) or end,failures (failures found at each inspection).",
                "Example: fleetcast life growth --input prototype.csv --end 620 --ahead 200"
            })
    static final class Growth implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--input", paramLabel = "CSV", required = true, description = "The failures.")
        Path input = Path.of(".");

        @Option(
                names = "--end",
                paramLabel = "T",
                description = "End of observation of systems without an E row (default: their last failure).")
        @org.jspecify.annotations.Nullable
        Double end;

        @Option(
                names = "--ahead",
                paramLabel = "D",
                description = "Also forecast the failures in this much further operating time.")
        @org.jspecify.annotations.Nullable
        Double ahead;

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
            Double stop = end;
            Double further = ahead;
            GrowthService.Result result = GrowthService.fit(
                    input,
                    stop == null ? OptionalDouble.empty() : OptionalDouble.of(stop),
                    confidence,
                    further == null ? OptionalDouble.empty() : OptionalDouble.of(further));
            if (json) {
                terminal.json(result);
                return 0;
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "Crow-AMSAA: %d failures of %d system(s) to time %.6g (%s); %.0f%% bounds (%s for beta):",
                    result.failures(),
                    result.systems(),
                    result.end(),
                    result.failureTerminated() ? "stopped at the last failure" : "stopped at a set time",
                    100 * result.confidence(),
                    result.boundsMethod()));
            terminal.say("  beta   " + bounded(result.beta())
                    + (result.unbiasedBeta() == null
                            ? ""
                            : String.format(Locale.ROOT, "   unbiased %.6g", result.unbiasedBeta())));
            terminal.say("  lambda " + bounded(result.lambda()));
            terminal.say(String.format(
                    Locale.ROOT,
                    "  growth rate %s; no-trend test p = %.3g: %s",
                    bounded(result.growthRate()),
                    result.trendPValue(),
                    result.trendPValue() >= 0.05
                            ? "no evidence of growth or deterioration"
                            : result.beta().estimate() < 1
                                    ? "reliability is growing"
                                    : "reliability is deteriorating"));
            terminal.say("  instantaneous MTBF at the end " + bounded(result.instantaneousMtbf())
                    + " (time units of the file)");
            terminal.say("  cumulative MTBF at the end    " + bounded(result.cumulativeMtbf()));
            for (var next : result.expectedFailuresAhead()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  expected failures per system in the next %.6g: %s",
                        result.ahead(),
                        bounded(next)));
            }
            return 0;
        }

        private static String bounded(io.fleetcast.reliability.fit.LifeFit.Bounded value) {
            return String.format(Locale.ROOT, "%.6g (%.6g to %.6g)", value.estimate(), value.lower(), value.upper());
        }
    }
}
