package io.fleetcast.store;

import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import io.fleetcast.store.prognostics.NewPrediction;
import io.fleetcast.store.prognostics.StoredModel;
import io.fleetcast.store.prognostics.StoredPrediction;
import io.fleetcast.store.prognostics.StoredReview;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The prognostics registry: failure models, the predictions they made, and engineers' reviews of them. */
public interface PrognosticsStore {
    /** Registers {@code model} (its version is ignored) and returns its version number. */
    int writeModel(StoredModel model);

    /** Every registered model, newest first. */
    List<StoredModel> models();

    /** The model of that version. */
    Optional<StoredModel> model(int version);

    /** Replaces the predictions {@code modelVersion} made for {@code scoredDate} with {@code predictions}. */
    void writePredictions(int modelVersion, LocalDate scoredDate, int horizonDays, List<NewPrediction> predictions);

    /** Replaces the feature drift stored for what {@code modelVersion} scored on {@code scoredDate}. */
    void writeDrift(int modelVersion, LocalDate scoredDate, List<FeatureShift> shifts);

    /** The feature drift of {@code modelVersion}'s scoring of {@code scoredDate}, largest PSI first. */
    List<FeatureShift> drift(int modelVersion, LocalDate scoredDate);

    /** Records that {@code job} started now; returns the run's id. */
    long startJob(String job);

    /** Records how run {@code runId} ended: {@code ok} or {@code failed}, with what it did or why it failed. */
    void finishJob(long runId, String status, String message);

    /** The latest {@code limit} runs of {@code job}, newest first. */
    List<JobRun> jobRuns(String job, int limit);

    /** The days scored, newest first. */
    List<LocalDate> scoredDates();

    /** The predictions for {@code scoredDate} (of every model), riskiest first, each with its latest review. */
    List<StoredPrediction> predictions(LocalDate scoredDate);

    /** The prediction with that id. */
    Optional<StoredPrediction> prediction(long predictionId);

    /** Every prediction of {@code assetId}, newest first. */
    List<StoredPrediction> predictionsOf(String assetId);

    /** Stores a review of prediction {@code predictionId}, which must exist; returns the review's id. */
    long writeReview(long predictionId, String verdict, String note, String author);

    /** Every review, oldest first. */
    List<StoredReview> reviews();

    /** The first and last day with telemetry, if any. */
    Optional<Span> telemetrySpan();

    /** Days from {@code first} to {@code last}, inclusive. */
    record Span(LocalDate first, LocalDate last) {}

    /** Each signal's daily mean for {@code assetId} from {@code from} to {@code to}: rows of (day, signal, value). */
    List<SignalDay> signals(String assetId, LocalDate from, LocalDate to);

    /** One signal's daily mean. */
    record SignalDay(LocalDate day, String signal, double value) {}
}
