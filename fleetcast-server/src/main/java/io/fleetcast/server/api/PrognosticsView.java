package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.prognose.PrognosticsService.DayOutcome;
import io.fleetcast.app.prognose.PrognosticsService.Evaluation;
import io.fleetcast.app.prognose.PrognosticsService.ModelQuality;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import io.fleetcast.prognostics.evaluation.FeatureDrift;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/prognostics}: a scored day's riskiest assets, the days scored, how the alerts and models did, how far
 * the day's features moved from the model's training data, and the daily pipeline's latest runs. Non-finite numbers
 * are {@code null}.
 *
 * @param day the day shown
 * @param scoredDays every scored day, newest first
 * @param scoredAssets the assets scored on {@code day}; {@code predictions} holds the riskiest of them
 * @param predictions the riskiest predictions of {@code day}, riskiest first, at most the request's {@code limit}
 * @param evaluation each scored day's top alerts as outcomes arrive, and each model's held-out quality
 * @param drift the features of {@code day} that moved most from the scoring model's training data, largest PSI first,
 *     at most {@value #DRIFT_FEATURES}; empty when the day has no drift figures (scored by a model trained before
 *     drift was measured)
 * @param majorDrift how many of the day's features (all of them, not only those listed) moved a lot: PSI above {@link
 *     FeatureDrift#MAJOR}
 * @param dailyRuns the daily scoring pipeline's latest runs, newest first, at most {@value #DAILY_RUNS}
 */
public record PrognosticsView(
        LocalDate day,
        List<LocalDate> scoredDays,
        int scoredAssets,
        List<PredictionView> predictions,
        EvaluationView evaluation,
        List<FeatureShiftView> drift,
        int majorDrift,
        List<JobRunView> dailyRuns) {
    /** The most features {@code drift} lists. */
    static final int DRIFT_FEATURES = 15;

    /** The most runs {@code dailyRuns} lists. */
    static final int DAILY_RUNS = 5;

    public PrognosticsView {
        requireNonNull(day, "day is null");
        scoredDays = ImmutableList.copyOf(scoredDays);
        predictions = ImmutableList.copyOf(predictions);
        requireNonNull(evaluation, "evaluation is null");
        drift = ImmutableList.copyOf(drift);
        dailyRuns = ImmutableList.copyOf(dailyRuns);
    }

    /**
     * The view of {@code day}: its riskiest {@code limit} predictions, its {@value #DRIFT_FEATURES} largest feature
     * shifts ({@code drift}, largest first, as {@link io.fleetcast.app.prognose.PrognosticsService#drift} lists them)
     * and the daily pipeline's {@code runs}, newest first.
     */
    static PrognosticsView of(
            LocalDate day,
            List<LocalDate> scoredDays,
            List<Prediction> predictions,
            int limit,
            Evaluation evaluation,
            List<FeatureShift> drift,
            List<JobRun> runs) {
        return new PrognosticsView(
                day,
                scoredDays,
                predictions.size(),
                predictions.stream().limit(limit).map(PredictionView::of).toList(),
                EvaluationView.of(evaluation),
                drift.stream().limit(DRIFT_FEATURES).map(FeatureShiftView::of).toList(),
                (int) drift.stream()
                        .filter(shift -> FeatureDrift.isMajor(shift.psi()))
                        .count(),
                runs.stream().limit(DAILY_RUNS).map(JobRunView::of).toList());
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
     * @param shiftedFeatures the day's features that moved a lot from the model's training data (PSI above {@link
     *     FeatureDrift#MAJOR})
     * @param largestPsi the day's largest PSI; {@code null} when drift was not measured
     */
    public record DayOutcomeView(
            LocalDate day,
            int modelVersion,
            int alerts,
            int known,
            int failed,
            int confirmed,
            int rejected,
            @Nullable Double precision,
            int shiftedFeatures,
            @Nullable Double largestPsi) {
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
                    finite(outcome.precision()),
                    outcome.shiftedFeatures(),
                    finite(outcome.largestPsi()));
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

    /**
     * How far one feature of the day's assets moved from the scoring model's training data.
     *
     * @param feature the feature
     * @param psi the population stability index of the day's values against the training data's deciles: 0 for the
     *     same distribution, larger the more it moved
     * @param level {@code stable} (PSI below {@link FeatureDrift#MODERATE}), {@code moderate} (up to {@link
     *     FeatureDrift#MAJOR}) or {@code major} (above it); {@code null} when {@code psi} is
     * @param missingShare the share, 0 to 1, of the day's assets without a value
     * @param referenceMissingShare the share, 0 to 1, of the training rows without one
     * @param rows the assets scored on the day
     */
    public record FeatureShiftView(
            String feature,
            @Nullable Double psi,
            @Nullable String level,
            @Nullable Double missingShare,
            @Nullable Double referenceMissingShare,
            int rows) {
        public FeatureShiftView {
            requireNonNull(feature, "feature is null");
        }

        static FeatureShiftView of(FeatureShift shift) {
            return new FeatureShiftView(
                    shift.feature(),
                    finite(shift.psi()),
                    level(shift.psi()),
                    finite(shift.missingShare()),
                    finite(shift.referenceMissingShare()),
                    shift.rows());
        }

        /** The usual reading of a PSI ({@link FeatureDrift#level}); {@code null} when it is not a number. */
        static @Nullable String level(double psi) {
            return Double.isFinite(psi) ? FeatureDrift.level(psi) : null;
        }
    }

    /**
     * One run of the daily scoring pipeline.
     *
     * @param runId its id in the job log; a later run has a larger one
     * @param startedAt when it started
     * @param finishedAt when it ended; {@code null} while it runs (or when the server stopped during it)
     * @param status {@code running}, {@code ok} or {@code failed}
     * @param message what it did (trained, scored, features that drifted), or why it failed
     */
    public record JobRunView(
            long runId, Instant startedAt, @Nullable Instant finishedAt, String status, String message) {
        public JobRunView {
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(status, "status is null");
            requireNonNull(message, "message is null");
        }

        static JobRunView of(JobRun run) {
            return new JobRunView(run.runId(), run.startedAt(), run.finishedAt(), run.status(), run.message());
        }
    }
}
