package io.fleetcast.app.prognose;

import io.fleetcast.prognostics.evaluation.AlertEvaluation;
import io.fleetcast.prognostics.evaluation.RankingMetrics;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.FeatureMatrix;
import io.fleetcast.prognostics.model.FeatureSelection;
import io.fleetcast.prognostics.model.GradientBoostedTrees;
import io.fleetcast.prognostics.model.LogisticRegression;
import io.fleetcast.prognostics.model.Loss;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains failure-within-H models and measures them out of fold. Folds group assets (every day of an asset falls in
 * one fold), so a model is never scored on an asset it learned from; alerts are judged only on days whose outcome was
 * known for every asset.
 */
final class FailureModels {
    private FailureModels() {}

    /**
     * The settings of the failure model: 200 trees of 4 leaves at rate 0.05, 80% of rows and features each. Small
     * trees won the grid search ({@link #grid}) on the demo fleet by asset-grouped PR-AUC (0.329 against 0.286 for 16
     * leaves): with a few dozen failed assets, deeper trees learn the assets rather than the signs.
     */
    static BoostingParameters parameters(long seed) {
        return BoostingParameters.defaults(Loss.LOGISTIC)
                .withTrees(200)
                .withLearningRate(0.05)
                .withLeaves(4, 0, 20)
                .withSampling(0.8, 0.8, seed);
    }

    /**
     * A labelled row of the training set.
     *
     * @param row its index in the rows
     * @param target 1 for a failure within the horizon, else 0
     * @param weight its weight
     * @param knownOn the day its label counts as known in time-ordered validation: the last day of its horizon
     *     (whether it failed or survived), or the day an engineer's verdict was given
     */
    record Example(int row, double target, double weight, LocalDate knownOn) {}

    /** One fold: the examples (indices into the example list) a model learns from, and those it is judged on. */
    record Split(List<Integer> train, List<Integer> held) {}

    /**
     * The settings a search tries: shallower and deeper trees, with small and large leaves. Large leaves keep a tree
     * from singling out one asset's days (its age alone can name it), which asset-grouped validation punishes.
     */
    static List<BoostingParameters> grid(long seed) {
        List<BoostingParameters> grid = new ArrayList<>();
        for (int leaves : new int[] {4, 8, 16}) {
            for (int minRows : new int[] {20, 200}) {
                grid.add(parameters(seed).withLeaves(leaves, 0, minRows));
            }
        }
        return grid;
    }

    /** The examples' rows as a matrix, with their targets and weights; read only. */
    private static final class TrainingSet {
        final FeatureMatrix matrix;
        final double[] targets;
        final double[] weights;

        private TrainingSet(TrainingRows rows, List<Example> examples) {
            List<Integer> indices = new ArrayList<>(examples.size());
            targets = new double[examples.size()];
            weights = new double[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                indices.add(examples.get(i).row());
                targets[i] = examples.get(i).target();
                weights[i] = examples.get(i).weight();
            }
            matrix = rows.matrix(indices);
        }
    }

    static BoostedModel fit(TrainingRows rows, List<Example> examples, BoostingParameters parameters) {
        TrainingSet set = new TrainingSet(rows, examples);
        return GradientBoostedTrees.fit(set.matrix, set.targets, set.weights, parameters, round -> {});
    }

    /** The trees on the {@code keep} most important features ({@link FeatureSelection}); all when fewer. */
    static BoostedModel fitSelected(
            TrainingRows rows, List<Example> examples, BoostingParameters parameters, int keep) {
        TrainingSet set = new TrainingSet(rows, examples);
        return FeatureSelection.fit(set.matrix, set.targets, set.weights, parameters, keep);
    }

    /** The feature counts a search tries, each fewer than the {@code available} features. */
    static List<Integer> selectionSizes(int available) {
        return IntStream.of(10, 20, 40).filter(keep -> keep < available).boxed().toList();
    }

    /** Learns from labelled rows; gives a probability for a row. */
    interface Learner {
        Predictor fit(TrainingRows rows, List<Example> train);
    }

    /** A fitted model's probability of failure for a row. */
    interface Predictor {
        double predict(double[] row);
    }

    /** The gradient-boosted trees. */
    static Learner trees(BoostingParameters parameters) {
        return (rows, train) -> fit(rows, train, parameters)::predict;
    }

    /**
     * The trees on the {@code keep} most important features ({@link #fitSelected}), chosen from the training folds
     * alone, so the held-out fold does not pick its own features.
     */
    static Learner selected(BoostingParameters parameters, int keep) {
        return (rows, train) -> {
            BoostedModel model = fitSelected(rows, train, parameters, keep);
            int[] columns = rows.columnsOf(model.features());
            return row -> {
                double[] kept = new double[columns.length];
                for (int f = 0; f < columns.length; f++) {
                    kept[f] = row[columns[f]];
                }
                return model.predict(kept);
            };
        };
    }

    /** The linear baseline: L2-penalised logistic regression on the standardised features. */
    static Learner logistic() {
        return (rows, train) -> {
            TrainingSet set = new TrainingSet(rows, train);
            return LogisticRegression.fit(set.matrix, set.targets, set.weights, 1.0)::predict;
        };
    }

    /**
     * Each held-out example's risk from the model of its split (NaN for an example no split holds out, or whose
     * split had not both a failure and a survival to learn from).
     */
    static double[] outOfFold(TrainingRows rows, List<Example> examples, List<Split> splits, Learner learner) {
        double[] risk = new double[examples.size()];
        Arrays.fill(risk, Double.NaN);
        for (Split split : splits) {
            List<Example> train = split.train().stream().map(examples::get).toList();
            // A model needs both outcomes to learn from: early in a time-ordered split, only failures are known yet.
            if (split.held().isEmpty()
                    || train.stream().noneMatch(example -> example.target() == 1)
                    || train.stream().noneMatch(example -> example.target() == 0)) {
                continue;
            }
            Predictor model = learner.fit(rows, train);
            for (int i : split.held()) {
                risk[i] = model.predict(rows.row(examples.get(i).row()));
            }
        }
        return risk;
    }

    /** Folds by asset: every day of an asset in one fold, and the model of a fold learns from the others. */
    static List<Split> groupedSplits(List<TrainingRows.AssetDay> keys, List<Example> examples, int folds) {
        List<Split> splits = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold(keys.get(examples.get(i).row()).assetId(), folds) == fold ? held : train).add(i);
            }
            splits.add(new Split(train, held));
        }
        return splits;
    }

    /**
     * Folds by time and asset: the days from {@code first} to {@code judgedUntil} are cut into {@code folds} + 1
     * blocks, and each block after the first is judged. Its assets are split in two halves by a hash of their ids; each
     * half is judged by a model that learned from the other half's examples whose labels were known before the block
     * began ({@link Example#knownOn}). So no model sees the judged asset, or any outcome from the judged days or after
     * them, as a model in service would not.
     */
    static List<Split> timeSplits(
            List<TrainingRows.AssetDay> keys,
            List<Example> examples,
            int folds,
            LocalDate first,
            LocalDate judgedUntil) {
        long days = ChronoUnit.DAYS.between(first, judgedUntil) + 1;
        List<Split> splits = new ArrayList<>();
        for (int block = 1; block <= folds; block++) {
            LocalDate start = first.plusDays(days * block / (folds + 1));
            LocalDate end = first.plusDays(days * (block + 1) / (folds + 1) - 1);
            for (int half = 0; half < 2; half++) {
                List<Integer> train = new ArrayList<>();
                List<Integer> held = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    Example example = examples.get(i);
                    TrainingRows.AssetDay key = keys.get(example.row());
                    boolean judgedHalf = fold(key.assetId(), 2) == half;
                    if (judgedHalf && !key.day().isBefore(start) && !key.day().isAfter(end)) {
                        held.add(i);
                    } else if (!judgedHalf && example.knownOn().isBefore(start)) {
                        train.add(i);
                    }
                }
                splits.add(new Split(train, held));
            }
        }
        return splits;
    }

    /**
     * The metrics of {@code risk} (one per example) over the days up to {@code judgedUntil}: PR-AUC, and daily alerts
     * for {@code k} visits a day judged by the assets' {@code failures}.
     */
    static PrognosticsService.HeldOut judge(
            TrainingRows rows,
            List<Example> examples,
            double[] risk,
            int k,
            int horizonDays,
            LocalDate judgedUntil,
            Map<String, LocalDate> failures) {
        List<Double> judgedRisk = new ArrayList<>();
        List<Boolean> judgedOutcome = new ArrayList<>();
        List<AlertEvaluation.Score> scores = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            TrainingRows.AssetDay key = rows.keys().get(examples.get(i).row());
            if (key.day().isAfter(judgedUntil) || Double.isNaN(risk[i])) {
                continue;
            }
            judgedRisk.add(risk[i]);
            judgedOutcome.add(examples.get(i).target() == 1);
            scores.add(new AlertEvaluation.Score(key.assetId(), key.day(), risk[i]));
        }
        boolean[] outcomes = new boolean[judgedOutcome.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = judgedOutcome.get(i);
        }
        double prAuc = outcomes.length == 0
                ? Double.NaN
                : RankingMetrics.averagePrecision(
                        judgedRisk.stream().mapToDouble(Double::doubleValue).toArray(), outcomes);
        AlertEvaluation alerts = AlertEvaluation.of(scores, k, horizonDays, failures);
        return new PrognosticsService.HeldOut(
                prAuc, k, alerts.precision(), alerts.recall(), alerts.medianLeadDays(), alerts.days());
    }

    /** The fold of an asset: a stable hash of its id. */
    static int fold(String assetId, int folds) {
        return Math.floorMod(assetId.hashCode() * 0x9E3779B1, folds);
    }
}
