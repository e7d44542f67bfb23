package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.prognose.PrognosticsService.DayOutcome;
import io.fleetcast.app.prognose.PrognosticsService.Evaluation;
import io.fleetcast.app.prognose.PrognosticsService.ModelQuality;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/prognostics}: a scored day's riskiest assets, the days scored, and how the alerts and models did.
 * Non-finite numbers are {@code null}.
 *
 * @param day the day shown
 * @param scoredDays every scored day, newest first
 * @param scoredAssets the assets scored on {@code day}; {@code predictions} holds the riskiest of them
 * @param predictions the riskiest predictions of {@code day}, riskiest first, at most the request's {@code limit}
 * @param evaluation each scored day's top alerts as outcomes arrive, and each model's held-out quality
 */
public record PrognosticsView(
        LocalDate day,
        List<LocalDate> scoredDays,
        int scoredAssets,
        List<PredictionView> predictions,
        EvaluationView evaluation) {
    public PrognosticsView {
        requireNonNull(day, "day is null");
        scoredDays = ImmutableList.copyOf(scoredDays);
        predictions = ImmutableList.copyOf(predictions);
        requireNonNull(evaluation, "evaluation is null");
    }

    static PrognosticsView of(
            LocalDate day, List<LocalDate> scoredDays, List<Prediction> predictions, int limit, Evaluation evaluation) {
        return new PrognosticsView(
                day,
                scoredDays,
                predictions.size(),
                predictions.stream().limit(limit).map(PredictionView::of).toList(),
                EvaluationView.of(evaluation));
    }

    static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * The evaluation of the alerts and the models.
     *
     * @param k alerts (service visits) a day judged: the top k of each scored day
     * @param days each scored day's top k alerts, newest first
     * @param models every registered model, newest first
     */
    public record EvaluationView(int k, List<DayOutcomeView> days, List<ModelQualityView> models) {
        public EvaluationView {
            days = ImmutableList.copyOf(days);
            models = ImmutableList.copyOf(models);
        }

        static EvaluationView of(Evaluation evaluation) {
            return new EvaluationView(
                    evaluation.k(),
                    evaluation.days().stream().map(DayOutcomeView::of).toList(),
                    evaluation.models().stream().map(ModelQualityView::of).toList());
        }
    }

    /**
     * How a scored day's top k alerts turned out, as far as the data now tell.
     *
     * @param day the scored day
     * @param modelVersion the model that scored it
     * @param alerts the alerts judged (k, or fewer when fewer assets were scored)
     * @param known alerts whose outcome is known: the asset failed within the horizon, or ran through it
     * @param failed alerts whose asset failed within the horizon
     * @param confirmed alerts an engineer confirmed
     * @param rejected alerts an engineer rejected
     * @param precision {@code failed / known}; {@code null} while no outcome is known
     */
    public record DayOutcomeView(
            LocalDate day,
            int modelVersion,
            int alerts,
            int known,
            int failed,
            int confirmed,
            int rejected,
            @Nullable Double precision) {
        public DayOutcomeView {
            requireNonNull(day, "day is null");
        }

        static DayOutcomeView of(DayOutcome outcome) {
            return new DayOutcomeView(
                    outcome.day(),
                    outcome.modelVersion(),
                    outcome.alerts(),
                    outcome.known(),
                    outcome.failed(),
                    outcome.confirmed(),
                    outcome.rejected(),
                    finite(outcome.precision()));
        }
    }

    /**
     * A registered model's out-of-fold quality and the reviews it learned from.
     *
     * @param version its registry version
     * @param trainedTo the last telemetry day it learned from
     * @param reviewLabels labels that came from engineers' reviews where the outcome was not yet known
     * @param prAuc area under the precision-recall curve, held out
     * @param precisionAtK the share of the daily top {@code k} alerts whose asset failed within the horizon, held out
     * @param k the visits a day {@code precisionAtK} assumes
     * @param recall the share of failures within the horizon of a day that an alert caught before them, held out
     * @param medianLeadDays the median days from an asset's first right alert to its failure, held out
     */
    public record ModelQualityView(
            int version,
            LocalDate trainedTo,
            int reviewLabels,
            @Nullable Double prAuc,
            @Nullable Double precisionAtK,
            int k,
            @Nullable Double recall,
            @Nullable Double medianLeadDays) {
        public ModelQualityView {
            requireNonNull(trainedTo, "trainedTo is null");
        }

        static ModelQualityView of(ModelQuality model) {
            return new ModelQualityView(
                    model.version(),
                    model.trainedTo(),
                    model.reviewLabels(),
                    finite(model.prAuc()),
                    finite(model.precisionAtK()),
                    model.k(),
                    finite(model.recall()),
                    finite(model.medianLeadDays()));
        }
    }
}
