package io.fleetcast.app.prognose;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.prognostics.evaluation.AlertEvaluation;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.GradientBoostedTrees;
import io.fleetcast.prognostics.model.Loss;
import io.fleetcast.store.TelemetryQueries;
import io.fleetcast.store.telemetry.FailureLabel;
import io.fleetcast.store.telemetry.FeatureQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Failure within H days from the stored telemetry. A backtest learns from the asset-days up to a cutoff, with labels
 * as they were known at the cutoff (a failure after it is not yet known, so a day within H of the cutoff is left out
 * unless its asset already failed), then scores every asset-day after it, each score with its reasons.
 */
public final class PrognosticsService {
    private final TelemetryQueries telemetry;

    public PrognosticsService(TelemetryQueries telemetry) {
        this.telemetry = requireNonNull(telemetry, "telemetry is null");
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
        BoostingParameters parameters = BoostingParameters.defaults(Loss.LOGISTIC)
                .withTrees(200)
                .withLearningRate(0.05)
                .withLeaves(15, 0, 20)
                .withSampling(0.8, 0.8, 17);
        BoostedModel model = GradientBoostedTrees.fit(
                rows.matrix(train),
                targets.stream().mapToDouble(Double::doubleValue).toArray(),
                parameters);
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
