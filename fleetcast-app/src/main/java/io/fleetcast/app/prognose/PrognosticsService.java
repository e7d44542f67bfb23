package io.fleetcast.app.prognose;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.prognostics.evaluation.AlertEvaluation;
import io.fleetcast.prognostics.evaluation.FeatureDrift;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.PlattCalibration;
import io.fleetcast.store.PrognosticsStore;
import io.fleetcast.store.TelemetryQueries;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import io.fleetcast.store.prognostics.NewPrediction;
import io.fleetcast.store.prognostics.StoredModel;
import io.fleetcast.store.prognostics.StoredPrediction;
import io.fleetcast.store.prognostics.StoredReview;
import io.fleetcast.store.telemetry.FailureLabel;
import io.fleetcast.store.telemetry.FeatureQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Failure within H days from the stored telemetry. A backtest learns from the asset-days up to a cutoff, with labels
 * as they were known at the cutoff (a failure after it is not yet known, so a day within H of the cutoff is left out
 * unless its asset already failed), then scores every asset-day after it, each score with its reasons.
 */
public final class PrognosticsService {
    /** The feature windows, in days. */
    public static final List<Integer> WINDOWS = List.of(7, 30);

    /** The daily pipeline's name in the job log. */
    public static final String DAILY_JOB = "daily";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelemetryQueries telemetry;
    private final PrognosticsStore registry;

    public PrognosticsService(TelemetryQueries telemetry, PrognosticsStore registry) {
        this.telemetry = requireNonNull(telemetry, "telemetry is null");
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** How a model is measured before it is registered. */
    public enum Validation {
        /** Asset-grouped folds: every day of an asset in one fold; a fold's model learns from the other folds. */
        GROUPED,
        /**
         * Time-ordered and asset-grouped: each later block of days is judged, per half of the assets, by a model that
         * learned from the other half's labels known before the block began.
         */
        TIME
    }

    /**
     * How to train.
     *
     * @param horizonDays failure within this many days is the target
     * @param k visits a day the service team can make, for the held-out alert metrics
     * @param folds asset groups for cross-validation (blocks of days for {@link Validation#TIME})
     * @param seed for the trees' row and feature draws
     * @param search whether to choose the trees' settings and features by cross-validated PR-AUC (slower)
     * @param validation how the folds are made
     */
    public record TrainRequest(int horizonDays, int k, int folds, long seed, boolean search, Validation validation) {
        public TrainRequest {
            requireNonNull(validation, "validation is null");
            if (horizonDays < 1 || horizonDays > 365) {
                throw FleetcastException.badInput("the horizon must be 1 to 365 days, got " + horizonDays);
            }
            if (k < 1) {
                throw FleetcastException.badInput("k (visits a day) must be at least 1, got " + k);
            }
            if (folds < 2 || folds > 20) {
                throw FleetcastException.badInput("folds must be 2 to 20, got " + folds);
            }
        }

        /** Without the search, with asset-grouped folds. */
        public TrainRequest(int horizonDays, int k, int folds, long seed) {
            this(horizonDays, k, folds, seed, false, Validation.GROUPED);
        }

        public static TrainRequest defaults() {
            return new TrainRequest(30, 2, 5, 17, false, Validation.GROUPED);
        }
    }

    /**
     * A model's quality out of fold: PR-AUC of its risks, and its daily alerts for k visits a day (precision, recall,
     * median lead in days) over the days whose outcomes were all known.
     */
    public record HeldOut(double prAuc, int k, double precisionAtK, double recall, double medianLeadDays, int days) {}

    /**
     * A registered model.
     *
     * @param version its registry version
     * @param from the first telemetry day it learned from
     * @param to the last
     * @param rows labelled asset-days it learned from
     * @param positives of those, days before a failure within the horizon
     * @param reviewLabels labels that came from engineers' reviews (confirm: failure, reject: none) where the outcome
     *     was not yet known
     * @param heldOut its out-of-fold quality
     * @param baseline the linear baseline's, on the same folds
     * @param calibration how its out-of-fold risks match the outcomes, before and after calibration
     * @param topFeatures the features with the largest share of the gain
     * @param features the features it uses (fewer than computed when the search selected them)
     */
    public record TrainedModel(
            int version,
            int horizonDays,
            LocalDate from,
            LocalDate to,
            int rows,
            int positives,
            int reviewLabels,
            HeldOut heldOut,
            HeldOut baseline,
            Calibration calibration,
            Map<String, Double> topFeatures,
            int features) {}

    /**
     * How well the out-of-fold risks match the outcomes: the mean risk against the share that failed, and the log-loss
     * (mean negative log-likelihood per asset-day), before and after Platt scaling.
     */
    public record Calibration(
            double observedRate, double meanRisk, double meanCalibrated, double logLoss, double logLossCalibrated) {
        static Calibration of(double[] risk, boolean[] outcomes, PlattCalibration platt) {
            double failed = 0;
            double mean = 0;
            double calibrated = 0;
            double loss = 0;
            double lossCalibrated = 0;
            for (int i = 0; i < risk.length; i++) {
                double p = Math.min(1 - 1e-6, Math.max(1e-6, risk[i]));
                double q = platt.apply(risk[i]);
                failed += outcomes[i] ? 1 : 0;
                mean += risk[i];
                calibrated += q;
                loss -= outcomes[i] ? Math.log(p) : Math.log(1 - p);
                lossCalibrated -= outcomes[i] ? Math.log(q) : Math.log(1 - q);
            }
            int n = risk.length;
            return new Calibration(failed / n, mean / n, calibrated / n, loss / n, lossCalibrated / n);
        }
    }

    /**
     * Trains on every labelled asset-day of the stored telemetry, with engineers' reviews as labels where outcomes
     * are not yet known, measures the model out of fold, and registers it.
     */
    public TrainedModel train(TrainRequest request) {
        PrognosticsStore.Span span = registry.telemetrySpan()
                .orElseThrow(() -> FleetcastException.badInput(
                        "no telemetry is loaded: fleetcast ingest telemetry" + " FILE first"));
        int horizon = request.horizonDays();
        TrainingRows rows =
                TrainingRows.of(telemetry.features(new FeatureQuery(span.first(), span.last(), WINDOWS, Map.of())));
        Map<TrainingRows.AssetDay, Boolean> labels = new HashMap<>();
        Map<TrainingRows.AssetDay, LocalDate> knownOn = new HashMap<>();
        Map<String, LocalDate> failures = new TreeMap<>();
        for (FailureLabel label : telemetry.labels(span.first(), span.last(), horizon, span.last())) {
            Boolean fails = label.failsWithin();
            Long days = label.daysToFailure();
            if (days != null) {
                failures.putIfAbsent(label.assetId(), label.day().plusDays(days));
            }
            if (fails != null) {
                TrainingRows.AssetDay key = new TrainingRows.AssetDay(label.assetId(), label.day());
                labels.put(key, fails);
                // Known once the whole horizon has passed, whichever the outcome. A failure is seen sooner, but taking
                // failures before the survivals of the same days would teach a time-ordered fold that recent days fail.
                knownOn.put(key, label.day().plusDays(horizon));
            }
        }
        int reviewLabels = 0;
        for (StoredReview review : registry.reviews()) {
            TrainingRows.AssetDay key = new TrainingRows.AssetDay(review.assetId(), review.scoredDate());
            if (!labels.containsKey(key) && !review.verdict().equals("defer")) {
                labels.put(key, review.verdict().equals("confirm"));
                knownOn.put(key, LocalDate.ofInstant(review.reviewedAt(), ZoneOffset.UTC));
                reviewLabels++;
            }
        }
        List<FailureModels.Example> examples = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < rows.size(); i++) {
            TrainingRows.AssetDay key = rows.keys().get(i);
            Boolean fails = labels.get(key);
            if (fails != null) {
                examples.add(new FailureModels.Example(i, fails ? 1 : 0, 1, requireNonNull(knownOn.get(key))));
                positives += fails ? 1 : 0;
            }
        }
        if (positives == 0) {
            throw FleetcastException.badInput("no asset with telemetry failed within " + horizon + " days of a"
                    + " reading from " + span.first() + " to " + span.last() + ": there is nothing to learn from");
        }
        LocalDate judgedUntil = span.last().minusDays(horizon);
        List<FailureModels.Split> splits = request.validation() == Validation.TIME
                ? FailureModels.timeSplits(rows.keys(), examples, request.folds(), span.first(), judgedUntil)
                : FailureModels.groupedSplits(rows.keys(), examples, request.folds());
        BoostingParameters parameters = FailureModels.parameters(request.seed());
        double[] risk = FailureModels.outOfFold(rows, examples, splits, FailureModels.trees(parameters));
        if (Arrays.stream(risk).allMatch(Double::isNaN)) {
            throw FleetcastException.badInput("no fold had both a failure to learn from and days to judge: the"
                    + " telemetry from " + span.first() + " to " + span.last() + " is too short for "
                    + request.folds() + " " + request.validation().name().toLowerCase(Locale.ROOT)
                    + " folds with a " + horizon + "-day horizon; use fewer folds or grouped validation");
        }
        HeldOut heldOut = FailureModels.judge(rows, examples, risk, request.k(), horizon, judgedUntil, failures);
        ArrayNode searched = JSON.createArrayNode();
        if (request.search()) {
            for (BoostingParameters candidate : FailureModels.grid(request.seed())) {
                double[] candidateRisk =
                        FailureModels.outOfFold(rows, examples, splits, FailureModels.trees(candidate));
                HeldOut candidateHeldOut =
                        FailureModels.judge(rows, examples, candidateRisk, request.k(), horizon, judgedUntil, failures);
                ObjectNode tried = searched.addObject();
                tried.put("leaves", candidate.maxLeaves());
                tried.put("min_leaf_rows", candidate.minLeafRows());
                tried.set("held_out", JSON.valueToTree(candidateHeldOut));
                if (candidateHeldOut.prAuc() > heldOut.prAuc()) {
                    parameters = candidate;
                    risk = candidateRisk;
                    heldOut = candidateHeldOut;
                }
            }
        }
        // Feature selection: the trees on only the most important features, chosen inside each training fold.
        int keep = rows.names().size();
        ArrayNode selection = JSON.createArrayNode();
        if (request.search()) {
            for (int candidate : FailureModels.selectionSizes(rows.names().size())) {
                double[] candidateRisk =
                        FailureModels.outOfFold(rows, examples, splits, FailureModels.selected(parameters, candidate));
                HeldOut candidateHeldOut =
                        FailureModels.judge(rows, examples, candidateRisk, request.k(), horizon, judgedUntil, failures);
                ObjectNode tried = selection.addObject();
                tried.put("features", candidate);
                tried.set("held_out", JSON.valueToTree(candidateHeldOut));
                if (candidateHeldOut.prAuc() > heldOut.prAuc()) {
                    keep = candidate;
                    risk = candidateRisk;
                    heldOut = candidateHeldOut;
                }
            }
        }
        double[] linear = FailureModels.outOfFold(rows, examples, splits, FailureModels.logistic());
        HeldOut baseline = FailureModels.judge(rows, examples, linear, request.k(), horizon, judgedUntil, failures);
        // Calibrated on the out-of-fold risks, so a stored 10% fails about one time in ten.
        List<Double> scored = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < risk.length; i++) {
            if (!Double.isNaN(risk[i])) {
                scored.add(risk[i]);
                outcomes.add(examples.get(i).target() == 1);
            }
        }
        double[] scoredRisk = scored.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] failed = new boolean[outcomes.size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = outcomes.get(i);
        }
        PlattCalibration calibration = PlattCalibration.fit(scoredRisk, failed);
        Calibration check = Calibration.of(scoredRisk, failed, calibration);
        BoostedModel model = FailureModels.fitSelected(rows, examples, parameters, keep);
        Map<String, Double> top = new LinkedHashMap<>();
        model.importance().entrySet().stream()
                .limit(5)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 10000) / 10000.0));
        ObjectNode document = JSON.createObjectNode();
        document.set("features", JSON.valueToTree(model.features()));
        document.set("parameters", JSON.valueToTree(parameters));
        document.set("search", searched);
        document.set("selection", selection);
        document.set(
                "drift_reference",
                driftReference(rows, examples, model.features(), span.first().plusDays(maxWindow() - 1L)));
        document.set("held_out", JSON.valueToTree(heldOut));
        document.set("baseline_held_out", JSON.valueToTree(baseline));
        document.set("calibration", JSON.valueToTree(calibration));
        document.set("calibration_check", JSON.valueToTree(check));
        document.put("folds", request.folds());
        document.put("validation", request.validation().name().toLowerCase(Locale.ROOT));
        document.put("rows", examples.size());
        document.put("positives", positives);
        document.put("review_labels", reviewLabels);
        document.set("top_features", JSON.valueToTree(top));
        int version = registry.writeModel(new StoredModel(
                0,
                Instant.EPOCH,
                horizon,
                span.first(),
                span.last(),
                request.seed(),
                document.toString(),
                model.write()));
        return new TrainedModel(
                version,
                horizon,
                span.first(),
                span.last(),
                examples.size(),
                positives,
                reviewLabels,
                heldOut,
                baseline,
                check,
                top,
                model.features().size());
    }

    /** The feature not watched for drift: every asset ages a day a day, so its distribution moves by construction. */
    static final String AGE = "age_days";

    /**
     * Each feature's distribution over the training rows, which later days are compared with. Only rows from {@code
     * fullFrom} on count when there are any: before it the longest window is not yet full, and its statistics (a slope
     * of three readings) spread wider than they ever will again.
     */
    private static ObjectNode driftReference(
            TrainingRows rows, List<FailureModels.Example> examples, List<String> features, LocalDate fullFrom) {
        List<Integer> full = examples.stream()
                .map(FailureModels.Example::row)
                .filter(row -> !rows.keys().get(row).day().isBefore(fullFrom))
                .toList();
        List<Integer> used = full.isEmpty()
                ? examples.stream().map(FailureModels.Example::row).toList()
                : full;
        ObjectNode reference = JSON.createObjectNode();
        int[] columns = rows.columnsOf(features);
        double[] values = new double[used.size()];
        for (int f = 0; f < features.size(); f++) {
            if (features.get(f).equals(AGE)) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.value(used.get(i), columns[f]);
            }
            reference.set(features.get(f), JSON.valueToTree(FeatureDrift.reference(values)));
        }
        return reference;
    }

    private static int maxWindow() {
        return WINDOWS.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** How far each feature of {@code rows} moved from the model's training data; none for a model without a reference. */
    private static List<FeatureShift> drift(
            StoredModel stored, JsonNode document, TrainingRows rows, List<String> features) {
        JsonNode reference = document.path("drift_reference");
        if (reference.isMissingNode() || rows.size() == 0) {
            return List.of();
        }
        int[] columns = rows.columnsOf(features);
        double[] values = new double[rows.size()];
        List<FeatureShift> shifts = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            JsonNode node = reference.path(features.get(f));
            if (node.isMissingNode()) {
                continue;
            }
            FeatureDrift expected;
            try {
                expected = JSON.treeToValue(node, FeatureDrift.class);
            } catch (JsonProcessingException e) {
                throw FleetcastException.internal("reading model " + stored.version() + "'s drift reference failed", e);
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.value(i, columns[f]);
            }
            shifts.add(new FeatureShift(
                    features.get(f),
                    expected.psi(values),
                    FeatureDrift.missing(values),
                    expected.missingShare(),
                    values.length));
        }
        shifts.sort(Comparator.comparingDouble(FeatureShift::psi).reversed().thenComparing(FeatureShift::feature));
        return shifts;
    }

    /** One asset's risk on the scored day, with its reasons. */
    public record Prediction(
            long id,
            String assetId,
            LocalDate day,
            int modelVersion,
            int horizonDays,
            double risk,
            List<String> reasons,
            @Nullable String verdict,
            @Nullable String note) {}

    /**
     * Scores every asset with telemetry on {@code day} (the last telemetry day when null) with the newest model and
     * stores the predictions, riskiest first.
     */
    public List<Prediction> score(@Nullable LocalDate day) {
        StoredModel stored = registry.models().stream()
                .findFirst()
                .orElseThrow(() ->
                        FleetcastException.badInput("no model is registered: fleetcast prognose train" + " first"));
        BoostedModel model = BoostedModel.parse(stored.model());
        JsonNode document = document(stored);
        PlattCalibration calibration = calibration(document);
        PrognosticsStore.Span span =
                registry.telemetrySpan().orElseThrow(() -> FleetcastException.badInput("no telemetry is loaded"));
        LocalDate scored = day == null ? span.last() : day;
        if (scored.isBefore(span.first()) || scored.isAfter(span.last())) {
            throw FleetcastException.badInput(
                    "the telemetry runs from " + span.first() + " to " + span.last() + "; cannot score " + scored);
        }
        TrainingRows rows = TrainingRows.of(telemetry.features(new FeatureQuery(scored, scored, WINDOWS, Map.of())));
        List<NewPrediction> predictions = new ArrayList<>();
        int[] columns = rows.columnsOf(model.features());
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.aligned(i, columns);
            try {
                predictions.add(new NewPrediction(
                        rows.keys().get(i).assetId(),
                        calibration.apply(model.predict(row)),
                        JSON.writeValueAsString(reasons(model, row, 3))));
            } catch (JsonProcessingException e) {
                throw FleetcastException.internal("writing reasons failed", e);
            }
        }
        registry.writePredictions(stored.version(), scored, stored.horizonDays(), predictions);
        registry.writeDrift(stored.version(), scored, drift(stored, document, rows, model.features()));
        return predictions(scored);
    }

    /**
     * How far each feature of the assets scored on {@code day} moved from the training data of the newest model that
     * scored it (population stability index), largest first; empty when the day was not scored.
     */
    public List<FeatureShift> drift(LocalDate day) {
        OptionalInt newest = registry.predictions(day).stream()
                .mapToInt(p -> Integer.parseInt(p.modelVersion()))
                .max();
        return newest.isPresent() ? registry.drift(newest.orElseThrow(), day) : List.of();
    }

    /**
     * The predictions for {@code day} of the newest model that scored it, riskiest first. An asset an engineer reviewed
     * under an earlier model's prediction carries that verdict: a review is about the asset on the day.
     */
    private List<StoredPrediction> newestModelsPredictions(LocalDate day) {
        List<StoredPrediction> all = registry.predictions(day);
        int newest = all.stream()
                .mapToInt(p -> Integer.parseInt(p.modelVersion()))
                .max()
                .orElse(0);
        Map<String, StoredPrediction> reviewed = new HashMap<>();
        for (StoredPrediction prediction : all) {
            Instant at = prediction.reviewedAt();
            StoredPrediction known = reviewed.get(prediction.assetId());
            Instant knownAt = known == null ? null : known.reviewedAt();
            if (at != null && (knownAt == null || at.isAfter(knownAt))) {
                reviewed.put(prediction.assetId(), prediction);
            }
        }
        List<StoredPrediction> newestOnes = new ArrayList<>();
        for (StoredPrediction prediction : all) {
            if (Integer.parseInt(prediction.modelVersion()) != newest) {
                continue;
            }
            StoredPrediction review = reviewed.get(prediction.assetId());
            newestOnes.add(
                    review == null || prediction.verdict() != null
                            ? prediction
                            : new StoredPrediction(
                                    prediction.predictionId(),
                                    prediction.modelVersion(),
                                    prediction.assetId(),
                                    prediction.scoredDate(),
                                    prediction.horizonDays(),
                                    prediction.risk(),
                                    prediction.reasons(),
                                    review.verdict(),
                                    review.note(),
                                    review.author(),
                                    review.reviewedAt()));
        }
        return newestOnes;
    }

    /** The model's registry document. */
    private static JsonNode document(StoredModel stored) {
        try {
            return JSON.readTree(stored.document());
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("reading model " + stored.version() + " failed", e);
        }
    }

    /** The model's calibration from its registry document; the identity for a model registered without one. */
    private static PlattCalibration calibration(JsonNode document) {
        JsonNode node = document.path("calibration");
        return node.isMissingNode()
                ? PlattCalibration.IDENTITY
                : new PlattCalibration(
                        node.path("slope").asDouble(1), node.path("offset").asDouble(0));
    }

    /** The stored predictions for {@code day} of the newest model that scored it, riskiest first. */
    public List<Prediction> predictions(LocalDate day) {
        List<Prediction> out = new ArrayList<>();
        for (StoredPrediction stored : newestModelsPredictions(day)) {
            out.add(prediction(stored));
        }
        return out;
    }

    /** The prediction with that id. */
    public Optional<Prediction> prediction(long id) {
        return registry.prediction(id).map(PrognosticsService::prediction);
    }

    /** The days scored, newest first. */
    public List<LocalDate> scoredDays() {
        return registry.scoredDates();
    }

    /** Records an engineer's verdict on a prediction; the next training run learns from it. */
    public Prediction review(long predictionId, String verdict, String note, String author) {
        if (author.isBlank()) {
            throw FleetcastException.badInput("a review needs its author");
        }
        registry.writeReview(predictionId, verdict, note, author);
        return prediction(registry.prediction(predictionId).orElseThrow());
    }

    /** An asset's daily signals over the {@code days} up to {@code day}, for its charts. */
    public List<PrognosticsStore.SignalDay> signals(String assetId, LocalDate day, int days) {
        return registry.signals(assetId, day.minusDays(days - 1L), day);
    }

    /**
     * How a scored day's top k alerts turned out: outcomes as far as the data now tell (a failure within the horizon,
     * or running through it), and engineers' verdicts; and how far the day's features had moved from the model's
     * training data: the features with a major shift (PSI above {@link FeatureDrift#MAJOR}) and the largest PSI (NaN
     * when drift was not measured).
     */
    public record DayOutcome(
            LocalDate day,
            int modelVersion,
            int alerts,
            int known,
            int failed,
            int confirmed,
            int rejected,
            int shiftedFeatures,
            double largestPsi) {
        /** The share of alerts with a known outcome whose asset failed; NaN when none is known yet. */
        public double precision() {
            return known == 0 ? Double.NaN : (double) failed / known;
        }
    }

    /** A registered model's held-out quality and the reviews it learned from. */
    public record ModelQuality(
            int version,
            LocalDate trainedTo,
            int reviewLabels,
            double prAuc,
            double precisionAtK,
            int k,
            double recall,
            double medianLeadDays) {}

    /** The evaluation: each scored day's alerts as outcomes arrive, and each model's held-out quality. */
    public record Evaluation(int k, List<DayOutcome> days, List<ModelQuality> models) {}

    /** Judges the top {@code k} predictions of every scored day, and lists the models' held-out quality. */
    public Evaluation evaluate(int k) {
        if (k < 1) {
            throw FleetcastException.badInput("k (visits a day) must be at least 1, got " + k);
        }
        List<DayOutcome> days = new ArrayList<>();
        PrognosticsStore.Span span = registry.telemetrySpan().orElse(null);
        for (LocalDate day : registry.scoredDates()) {
            List<StoredPrediction> top =
                    newestModelsPredictions(day).stream().limit(k).toList();
            if (top.isEmpty()) {
                continue;
            }
            int horizon = top.get(0).horizonDays();
            Map<String, Boolean> outcomes = new HashMap<>();
            if (span != null) {
                for (FailureLabel label : telemetry.labels(day, day, horizon, span.last())) {
                    Boolean fails = label.failsWithin();
                    if (fails != null) {
                        outcomes.put(label.assetId(), fails);
                    }
                }
            }
            int known = 0;
            int failed = 0;
            int confirmed = 0;
            int rejected = 0;
            for (StoredPrediction prediction : top) {
                Boolean fails = outcomes.get(prediction.assetId());
                known += fails == null ? 0 : 1;
                failed += Boolean.TRUE.equals(fails) ? 1 : 0;
                confirmed += "confirm".equals(prediction.verdict()) ? 1 : 0;
                rejected += "reject".equals(prediction.verdict()) ? 1 : 0;
            }
            int version = Integer.parseInt(top.get(0).modelVersion());
            List<FeatureShift> drift = registry.drift(version, day);
            days.add(new DayOutcome(
                    day,
                    version,
                    top.size(),
                    known,
                    failed,
                    confirmed,
                    rejected,
                    (int) drift.stream()
                            .filter(shift -> FeatureDrift.isMajor(shift.psi()))
                            .count(),
                    drift.isEmpty() ? Double.NaN : drift.get(0).psi()));
        }
        List<ModelQuality> models = new ArrayList<>();
        for (StoredModel model : registry.models()) {
            JsonNode document = document(model);
            JsonNode heldOut = document.path("held_out");
            models.add(new ModelQuality(
                    model.version(),
                    model.trainedTo(),
                    document.path("review_labels").asInt(),
                    heldOut.path("prAuc").asDouble(Double.NaN),
                    heldOut.path("precisionAtK").asDouble(Double.NaN),
                    heldOut.path("k").asInt(),
                    heldOut.path("recall").asDouble(Double.NaN),
                    heldOut.path("medianLeadDays").asDouble(Double.NaN)));
        }
        return new Evaluation(k, days, models);
    }

    /**
     * What the daily job does.
     *
     * @param retrainAfterDays train a new model when the newest one's data end more than this many days before the
     *     telemetry's last day; 0 never retrains (a model is trained when there is none)
     * @param training how to train then
     */
    public record DailyPolicy(int retrainAfterDays, TrainRequest training) {
        public DailyPolicy {
            if (retrainAfterDays < 0) {
                throw FleetcastException.badInput("retrain-after days must be 0 or more, got " + retrainAfterDays);
            }
            requireNonNull(training, "training is null");
        }

        /** Retrain weekly, with the default training. */
        public static DailyPolicy defaults() {
            return new DailyPolicy(7, TrainRequest.defaults());
        }
    }

    /**
     * What a daily run did.
     *
     * @param trainedVersion the model it trained, if it trained one
     * @param scoredDays the days it scored, oldest first
     * @param predictions the predictions it wrote
     * @param shifted the features of the last scored day that moved a lot (PSI above {@link FeatureDrift#MAJOR})
     */
    public record DailyRun(
            @Nullable Integer trainedVersion, List<LocalDate> scoredDays, int predictions, List<FeatureShift> shifted) {
        /** One line for the job log. */
        public String summary() {
            StringBuilder line = new StringBuilder();
            if (trainedVersion != null) {
                line.append("trained model ").append(trainedVersion).append("; ");
            }
            if (scoredDays.isEmpty()) {
                line.append("no new telemetry day to score");
            } else {
                line.append("scored ")
                        .append(
                                scoredDays.size() == 1
                                        ? scoredDays.get(0).toString()
                                        : scoredDays.get(0) + " to " + scoredDays.get(scoredDays.size() - 1))
                        .append(" (")
                        .append(predictions)
                        .append(" predictions)");
            }
            if (!shifted.isEmpty()) {
                line.append("; drift (PSI > ")
                        .append(FeatureDrift.MAJOR)
                        .append(") in ")
                        .append(shifted.size())
                        .append(" features: ")
                        .append(String.join(
                                ", ",
                                shifted.stream()
                                        .limit(5)
                                        .map(FeatureShift::feature)
                                        .toList()));
            }
            return line.toString();
        }
    }

    /**
     * The daily job: trains a model when there is none or the newest is older than the policy allows, then scores
     * every telemetry day after the last one scored (only the last telemetry day when nothing was scored yet; from the
     * last scored day again when it just trained, so the new model's predictions are shown).
     */
    public DailyRun runDaily(DailyPolicy policy) {
        PrognosticsStore.Span span = registry.telemetrySpan()
                .orElseThrow(() -> FleetcastException.badInput("no telemetry is loaded: nothing to score"));
        Optional<StoredModel> newest = registry.models().stream().findFirst();
        Integer trained = null;
        if (newest.isEmpty()
                || (policy.retrainAfterDays() > 0
                        && newest.orElseThrow()
                                .trainedTo()
                                .plusDays(policy.retrainAfterDays())
                                .isBefore(span.last()))) {
            trained = train(policy.training()).version();
        }
        List<LocalDate> scoredBefore = registry.scoredDates();
        LocalDate from = scoredBefore.isEmpty()
                ? span.last()
                : trained != null ? scoredBefore.get(0) : scoredBefore.get(0).plusDays(1);
        if (from.isBefore(span.first())) {
            from = span.first();
        }
        List<LocalDate> days = new ArrayList<>();
        int count = 0;
        for (LocalDate day = from; !day.isAfter(span.last()); day = day.plusDays(1)) {
            int scored = score(day).size();
            if (scored > 0) {
                days.add(day);
                count += scored;
            }
        }
        List<FeatureShift> shifted = days.isEmpty()
                ? List.of()
                : drift(days.get(days.size() - 1)).stream()
                        .filter(shift -> FeatureDrift.isMajor(shift.psi()))
                        .toList();
        return new DailyRun(trained, days, count, shifted);
    }

    /** The daily pipeline's latest {@code limit} runs, newest first. */
    public List<JobRun> dailyRuns(int limit) {
        return registry.jobRuns(DAILY_JOB, limit);
    }

    /** Whether any telemetry is loaded. */
    public boolean hasTelemetry() {
        return registry.telemetrySpan().isPresent();
    }

    /** The registered models, newest first. */
    public List<StoredModel> models() {
        return registry.models();
    }

    private static Prediction prediction(StoredPrediction stored) {
        List<String> reasons = new ArrayList<>();
        try {
            for (JsonNode reason : JSON.readTree(stored.reasons())) {
                reasons.add(reason.asText());
            }
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("reading reasons failed", e);
        }
        return new Prediction(
                stored.predictionId(),
                stored.assetId(),
                stored.scoredDate(),
                Integer.parseInt(stored.modelVersion()),
                stored.horizonDays(),
                stored.risk(),
                reasons,
                stored.verdict(),
                stored.note());
    }

    /**
     * What to learn and score.
     *
     * @param from the first telemetry day to use
     * @param cutoff the last day learned from; labels are as known at its end
     * @param to the last day scored
     * @param horizonDays failure within this many days after a day is the target
     * @param windows the feature windows, in days
     * @param thresholds per signal, the value above which a reading counts as a crossing
     */
    public record BacktestRequest(
            LocalDate from,
            LocalDate cutoff,
            LocalDate to,
            int horizonDays,
            List<Integer> windows,
            Map<String, Double> thresholds) {
        public BacktestRequest {
            requireNonNull(from, "from is null");
            requireNonNull(cutoff, "cutoff is null");
            requireNonNull(to, "to is null");
            if (!from.isBefore(cutoff) || !cutoff.isBefore(to)) {
                throw FleetcastException.badInput(
                        "a backtest needs from < cutoff < to, got " + from + ", " + cutoff + ", " + to);
            }
            if (horizonDays < 1) {
                throw FleetcastException.badInput("the horizon must be at least 1 day, got " + horizonDays);
            }
            windows = ImmutableList.copyOf(windows);
            thresholds = ImmutableMap.copyOf(thresholds);
        }
    }

    /** A scored asset-day with the features that raised (or lowered) its risk most. */
    public record Scored(AlertEvaluation.Score score, List<String> reasons) {}

    /** What a backtest learned and scored. */
    public record Backtest(
            BoostedModel model, int trainRows, int trainPositives, List<Scored> scored, List<String> features) {}

    /** Learns up to the cutoff and scores the days after it. */
    public Backtest backtest(BacktestRequest request) {
        TrainingRows rows = TrainingRows.of(telemetry.features(
                new FeatureQuery(request.from(), request.to(), request.windows(), request.thresholds())));
        if (rows.size() == 0) {
            throw FleetcastException.badInput("no telemetry from " + request.from() + " to " + request.to());
        }
        Map<TrainingRows.AssetDay, Boolean> labels = new HashMap<>();
        for (FailureLabel label :
                telemetry.labels(request.from(), request.cutoff(), request.horizonDays(), request.cutoff())) {
            Boolean fails = label.failsWithin();
            if (fails != null) {
                labels.put(new TrainingRows.AssetDay(label.assetId(), label.day()), fails);
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < rows.size(); i++) {
            TrainingRows.AssetDay key = rows.keys().get(i);
            if (key.day().isAfter(request.cutoff())) {
                test.add(i);
            } else if (labels.containsKey(key)) {
                boolean fails = requireNonNull(labels.get(key));
                train.add(i);
                targets.add(fails ? 1.0 : 0.0);
                positives += fails ? 1 : 0;
            }
        }
        if (positives == 0) {
            throw FleetcastException.badInput("no asset failed within " + request.horizonDays() + " days of a day with"
                    + " telemetry up to " + request.cutoff() + ": nothing to learn failures from");
        }
        List<FailureModels.Example> examples = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            examples.add(new FailureModels.Example(
                    train.get(i),
                    targets.get(i),
                    1,
                    rows.keys().get(train.get(i)).day()));
        }
        BoostedModel model = FailureModels.fit(rows, examples, FailureModels.parameters(17));
        List<Scored> scored = new ArrayList<>(test.size());
        for (int index : test) {
            TrainingRows.AssetDay key = rows.keys().get(index);
            double[] row = rows.row(index);
            scored.add(new Scored(
                    new AlertEvaluation.Score(key.assetId(), key.day(), model.predict(row)), reasons(model, row, 3)));
        }
        return new Backtest(model, train.size(), positives, scored, rows.names());
    }

    /** The features that raised the score most, with their values, largest first. */
    static List<String> reasons(BoostedModel model, double[] row, int count) {
        double[] contributions = model.contributions(row);
        return IntStream.range(0, row.length)
                .boxed()
                .filter(f -> contributions[f] > 0)
                .sorted(Comparator.comparingDouble((Integer f) -> -contributions[f])
                        .thenComparing(f -> f))
                .limit(count)
                .map(f -> String.format(
                        Locale.ROOT,
                        "%s = %s (+%.2f log-odds)",
                        model.features().get(f),
                        Double.isNaN(row[f]) ? "missing" : String.format(Locale.ROOT, "%.4g", row[f]),
                        contributions[f]))
                .toList();
    }
}
