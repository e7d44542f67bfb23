package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.prognostics.evaluation.FeatureDrift;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "prognose",
        mixinStandardHelpOptions = true,
        description = {
            "Predict which assets fail soon from their stored telemetry: train a model (registered with its held-out"
                    + " quality), score the assets of a day with reasons, review predictions, and evaluate alerts as"
                    + " outcomes and reviews arrive.",
            "Example: fleetcast prognose train && fleetcast prognose score && fleetcast prognose evaluate"
        },
        subcommands = {
            PrognoseCommand.Train.class,
            PrognoseCommand.Score.class,
            PrognoseCommand.Review.class,
            PrognoseCommand.Evaluate.class,
            PrognoseCommand.Daily.class
        })
final class PrognoseCommand {
    private PrognoseCommand() {}

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = {
                "Train a failure-within-H-days model on every labelled asset-day of the stored telemetry (with"
                        + " engineers' reviews as labels where outcomes are not known yet), measure it by asset-grouped"
                        + " cross-validation, and register it."
            })
    static final class Train implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(
                names = "--horizon",
                paramLabel = "DAYS",
                defaultValue = "30",
                description = "Failure within this many days is the target (default: ${DEFAULT-VALUE}).")
        int horizon = 30;

        @Option(
                names = "--k",
                paramLabel = "K",
                defaultValue = "2",
                description = "Visits a day the service team can make, for the held-out alert metrics"
                        + " (default: ${DEFAULT-VALUE}).")
        int k = 2;

        @Option(
                names = "--folds",
                paramLabel = "N",
                defaultValue = "5",
                description = "Asset groups for cross-validation (default: ${DEFAULT-VALUE}).")
        int folds = 5;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "17", description = "Random seed.")
        long seed = 17;

        @Option(
                names = "--search",
                description =
                        "Choose the trees' settings from a small grid (leaves 4, 8, 16 by at least 20 or 200 rows a"
                                + " leaf), then how many of the most important features to keep (10, 20, 40 or all), by"
                                + " cross-validated PR-AUC; about seven times slower.")
        boolean search;

        @Option(
                names = "--validation",
                paramLabel = "grouped|time",
                defaultValue = "grouped",
                converter = ValidationConverter.class,
                description =
                        "How the held-out figures are measured: 'grouped', folds of assets; 'time', later blocks of"
                                + " days judged by models that learned, from other assets, only the labels known before each"
                                + " block (needs a history several horizons long) (default: ${DEFAULT-VALUE}).")
        PrognosticsService.Validation validation = PrognosticsService.Validation.GROUPED;

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            PrognosticsService.TrainRequest request =
                    new PrognosticsService.TrainRequest(horizon, k, folds, seed, search, validation);
            PrognosticsService.TrainedModel model;
            try (FleetcastApp app = FleetcastApp.open(store.config())) {
                terminal.say("training on the stored telemetry (" + folds + "-fold "
                        + (validation == PrognosticsService.Validation.TIME ? "time-ordered, " : "")
                        + "asset-grouped cross-validation, then the model)");
                model = app.prognostics().train(request);
            }
            if (json) {
                terminal.json(model);
                return 0;
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "model %d: failure within %d days, learned from %s to %s (%,d labelled asset-days, %,d before a"
                            + " failure, %d from reviews)",
                    model.version(),
                    model.horizonDays(),
                    model.from(),
                    model.to(),
                    model.rows(),
                    model.positives(),
                    model.reviewLabels()));
            terminal.say(String.format(
                    Locale.ROOT,
                    "  held out: PR-AUC %.3f; %d visits a day: precision %.1f%%, recall %.1f%%, median lead %.1f days"
                            + " (over %d days)",
                    model.heldOut().prAuc(),
                    model.heldOut().k(),
                    100 * model.heldOut().precisionAtK(),
                    100 * model.heldOut().recall(),
                    model.heldOut().medianLeadDays(),
                    model.heldOut().days()));
            terminal.say(String.format(
                    Locale.ROOT,
                    "  linear baseline, same folds: PR-AUC %.3f; precision %.1f%%, recall %.1f%%, median lead %.1f days",
                    model.baseline().prAuc(),
                    100 * model.baseline().precisionAtK(),
                    100 * model.baseline().recall(),
                    model.baseline().medianLeadDays()));
            terminal.say(String.format(
                    Locale.ROOT,
                    "  calibration: %.2f%% of asset-days failed within %d days; mean risk %.2f%% out of fold, %.2f%%"
                            + " calibrated (log-loss %.4f, calibrated %.4f)",
                    100 * model.calibration().observedRate(),
                    model.horizonDays(),
                    100 * model.calibration().meanRisk(),
                    100 * model.calibration().meanCalibrated(),
                    model.calibration().logLoss(),
                    model.calibration().logLossCalibrated()));
            terminal.say("  most important features: " + model.topFeatures());
            return 0;
        }
    }

    @Command(
            name = "score",
            mixinStandardHelpOptions = true,
            description = {
                "Score every asset with telemetry on a day (default: the last) with the newest model, store the"
                        + " predictions with their reasons, and print the riskiest."
            })
    static final class Score implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(
                names = "--day",
                paramLabel = "YYYY-MM-DD",
                description = "The day to score (default: the last" + " day with telemetry).")
        @Nullable
        String day;

        @Option(
                names = "--top",
                paramLabel = "N",
                defaultValue = "10",
                description = "How many of the riskiest to print (default: ${DEFAULT-VALUE}).")
        int top = 10;

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            List<PrognosticsService.Prediction> predictions;
            List<FeatureShift> drift;
            try (FleetcastApp app = FleetcastApp.open(store.config())) {
                predictions = app.prognostics().score(day == null ? null : date(day, "--day"));
                drift = predictions.isEmpty()
                        ? List.of()
                        : app.prognostics().drift(predictions.get(0).day());
            }
            List<PrognosticsService.Prediction> shown =
                    predictions.stream().limit(Math.max(0, top)).toList();
            if (json) {
                terminal.json(shown);
                return 0;
            }
            if (predictions.isEmpty()) {
                terminal.say("no asset has telemetry on that day");
                return 0;
            }
            PrognosticsService.Prediction first = predictions.get(0);
            terminal.say(String.format(
                    Locale.ROOT,
                    "%s: %,d assets scored by model %d (risk = chance of failing within %d days)",
                    first.day(),
                    predictions.size(),
                    first.modelVersion(),
                    first.horizonDays()));
            for (PrognosticsService.Prediction prediction : shown) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  #%-7d %-14s %5.1f%%  %s",
                        prediction.id(),
                        prediction.assetId(),
                        100 * prediction.risk(),
                        String.join("; ", prediction.reasons())));
            }
            terminal.say(driftLine(drift));
            return 0;
        }
    }

    @Command(
            name = "review",
            mixinStandardHelpOptions = true,
            description = {
                "Record an engineer's verdict on a prediction: confirm (the asset needs service), reject (it does not)"
                        + " or defer. The next training run learns from confirmed and rejected ones.",
                "Example: fleetcast prognose review 1386 confirm --note 'memory errors climbing' --author ana"
            })
    static final class Review implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "PREDICTION", description = "The prediction's id (from score).")
        long prediction;

        @Parameters(index = "1", paramLabel = "VERDICT", description = "confirm, reject or defer.")
        String verdict = "";

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why.")
        String note = "";

        @Option(names = "--author", paramLabel = "NAME", required = true, description = "Who reviews.")
        String author = "";

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            PrognosticsService.Prediction reviewed;
            try (FleetcastApp app = FleetcastApp.open(store.config())) {
                reviewed = app.prognostics().review(prediction, verdict.trim(), note, author.trim());
            }
            if (json) {
                terminal.json(reviewed);
                return 0;
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "#%d %s on %s (risk %.1f%%): %s",
                    reviewed.id(),
                    reviewed.assetId(),
                    reviewed.day(),
                    100 * reviewed.risk(),
                    reviewed.verdict()));
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = {
                "How each scored day's top k alerts turned out as far as the data now tell, with engineers' verdicts,"
                        + " and each registered model's held-out quality and the reviews it learned from."
            })
    static final class Evaluate implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(
                names = "--k",
                paramLabel = "K",
                defaultValue = "2",
                description = "Visits a day (default: ${DEFAULT-VALUE}).")
        int k = 2;

        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            PrognosticsService.Evaluation evaluation;
            try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
                evaluation = app.prognostics().evaluate(k);
            }
            if (json) {
                terminal.json(evaluation);
                return 0;
            }
            terminal.say("models (held out, " + k + " visits a day):");
            for (PrognosticsService.ModelQuality model : evaluation.models()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  model %d to %s: %d review labels; PR-AUC %.3f, precision %.1f%%, recall %.1f%%, median lead"
                                + " %.1f days",
                        model.version(),
                        model.trainedTo(),
                        model.reviewLabels(),
                        model.prAuc(),
                        100 * model.precisionAtK(),
                        100 * model.recall(),
                        model.medianLeadDays()));
            }
            terminal.say("scored days (top " + k + "):");
            for (PrognosticsService.DayOutcome day : evaluation.days()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  %s model %d: %d alerts, %d with a known outcome, %d failed (%s); %d confirmed, %d rejected;"
                                + " %s",
                        day.day(),
                        day.modelVersion(),
                        day.alerts(),
                        day.known(),
                        day.failed(),
                        day.known() == 0
                                ? "precision not known yet"
                                : String.format(Locale.ROOT, "precision %.1f%%", 100 * day.precision()),
                        day.confirmed(),
                        day.rejected(),
                        Double.isNaN(day.largestPsi())
                                ? "drift not measured"
                                : String.format(
                                        Locale.ROOT,
                                        "drift: %d features shifted a lot, largest PSI %.2f",
                                        day.shiftedFeatures(),
                                        day.largestPsi())));
            }
            return 0;
        }
    }

    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw FleetcastException.badInput(option + " takes a date like 2026-10-31, not '" + text + "'");
        }
    }

    /** Reads grouped or time. */
    static final class ValidationConverter
            implements picocli.CommandLine.ITypeConverter<PrognosticsService.Validation> {
        @Override
        public PrognosticsService.Validation convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "grouped" -> PrognosticsService.Validation.GROUPED;
                case "time" -> PrognosticsService.Validation.TIME;
                default ->
                    throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not grouped or time");
            };
        }
    }

    /** The day's feature drift in one line: how many features shifted, and the largest shifts. */
    static String driftLine(List<FeatureShift> drift) {
        if (drift.isEmpty()) {
            return "feature drift: not measured (the model predates drift monitoring)";
        }
        long major = drift.stream().filter(s -> FeatureDrift.isMajor(s.psi())).count();
        long moderate = drift.stream()
                .filter(s -> FeatureDrift.level(s.psi()).equals("moderate"))
                .count();
        return String.format(
                Locale.ROOT,
                "feature drift against the model's training data (PSI): %d of %d features shifted a lot (> %.2f), %d"
                        + " moderately; largest: %s",
                major,
                drift.size(),
                FeatureDrift.MAJOR,
                moderate,
                String.join(
                        ", ",
                        drift.stream()
                                .limit(3)
                                .map(s -> String.format(Locale.ROOT, "%s %.2f", s.feature(), s.psi()))
                                .toList()));
    }

    @Command(
            name = "daily",
            mixinStandardHelpOptions = true,
            description = {
                "Run the daily pipeline once, as 'fleetcast serve' does each day: load the files waiting in --inbox,"
                        + " train a model when there is none or the newest is older than --retrain-days, then score"
                        + " every telemetry day after the last one scored and measure feature drift. For cron when no"
                        + " server holds the store. Exit code 2 when the run failed."
            })
    static final class Daily implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Mixin
        DailyOptions daily = new DailyOptions();

        @Option(names = "--json", description = "Print the run as one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() {
            Terminal terminal = Terminals.of(spec);
            JobRun run;
            try (FleetcastApp app = FleetcastApp.open(store.config())) {
                terminal.say(
                        "running the daily pipeline" + (daily.inbox == null ? "" : " (inbox " + daily.inbox + ")"));
                run = daily.pipeline(app).runOnce();
            }
            if (json) {
                terminal.json(run);
            } else {
                terminal.say(run.status() + ": " + run.message());
            }
            return run.status().equals("ok") ? 0 : 2;
        }
    }
}
