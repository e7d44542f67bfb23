package io.fleetcast.app.prognose;

import io.fleetcast.prognostics.evaluation.AlertEvaluation;
import io.fleetcast.prognostics.evaluation.RankingMetrics;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.GradientBoostedTrees;
import io.fleetcast.prognostics.model.Loss;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains failure-within-H models and measures them out of fold. Folds group assets (every day of an asset falls in
 * one fold), so a model is never scored on an asset it learned from; alerts are judged only on days whose outcome was
 * known for every asset.
 */
final class FailureModels {
    private FailureModels() {}

    /** The settings of the failure model. */
    static BoostingParameters parameters(long seed) {
        return BoostingParameters.defaults(Loss.LOGISTIC)
                .withTrees(200)
                .withLearningRate(0.05)
                .withLeaves(15, 0, 20)
                .withSampling(0.8, 0.8, seed);
    }

    /** A labelled row of the training set. */
    record Example(int row, double target, double weight) {}

    static BoostedModel fit(TrainingRows rows, List<Example> examples, long seed) {
        List<Integer> indices = new ArrayList<>(examples.size());
        double[] targets = new double[examples.size()];
        double[] weights = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            indices.add(examples.get(i).row());
            targets[i] = examples.get(i).target();
            weights[i] = examples.get(i).weight();
        }
        return GradientBoostedTrees.fit(rows.matrix(indices), targets, weights, parameters(seed), round -> {});
    }

    /**
     * Out-of-fold risks of {@code examples}, then their metrics over the days up to {@code judgedUntil}.
     *
     * @param failures each failed asset's failure day, for judging alerts
     */
    static PrognosticsService.HeldOut crossValidate(
            TrainingRows rows,
            List<Example> examples,
            int folds,
            long seed,
            int k,
            int horizonDays,
            LocalDate judgedUntil,
            Map<String, LocalDate> failures) {
        double[] risk = new double[examples.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<Example> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold(rows.keys().get(examples.get(i).row()).assetId(), folds) == fold) {
                    held.add(i);
                } else {
                    train.add(examples.get(i));
                }
            }
            if (held.isEmpty() || train.stream().noneMatch(example -> example.target() == 1)) {
                continue;
            }
            BoostedModel model = fit(rows, train, seed);
            for (int i : held) {
                risk[i] = model.predict(rows.row(examples.get(i).row()));
            }
        }
        List<Double> judgedRisk = new ArrayList<>();
        List<Boolean> judgedOutcome = new ArrayList<>();
        List<AlertEvaluation.Score> scores = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            TrainingRows.AssetDay key = rows.keys().get(examples.get(i).row());
            if (key.day().isAfter(judgedUntil)) {
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
