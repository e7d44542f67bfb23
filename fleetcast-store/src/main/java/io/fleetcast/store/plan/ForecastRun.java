package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;

/**
 * One stored fit: the model fitted to one series for one plan version, with its provenance.
 *
 * @param runId the run's id, unique in the store
 * @param planVersion the plan version the run belongs to
 * @param seriesKey the series, {@code service/cluster/resource}
 * @param model the model the fit chose, e.g. {@code ETS(A,N,A)}
 * @param parameters the fitted parameters by name, in the model's order
 * @param trainStart the first day the model was trained on
 * @param trainEnd the last day the model was trained on: the series' watermark in this plan
 * @param trainRows how many observations the model was trained on
 * @param libraryVersion the Fleetcast version that fitted it
 * @param createdAt when the run was fitted (a carried run keeps its time)
 * @param inputs the events, drivers and scenarios it was fitted with
 * @param adjustments the adjustments applied on top of it in its plan, id to description, in the order applied
 * @param backtestErrors the method's backtest errors, oldest first, ending with the last day trained on; empty when
 *     the method was not backtested
 */
public record ForecastRun(
        long runId,
        int planVersion,
        String seriesKey,
        String model,
        ImmutableMap<String, Double> parameters,
        Instant trainStart,
        Instant trainEnd,
        long trainRows,
        String libraryVersion,
        Instant createdAt,
        RunInputs inputs,
        ImmutableMap<String, String> adjustments,
        ImmutableList<Double> backtestErrors) {
    public ForecastRun {
        requireNonNull(seriesKey, "seriesKey is null");
        requireNonNull(model, "model is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(trainStart, "trainStart is null");
        requireNonNull(trainEnd, "trainEnd is null");
        requireNonNull(libraryVersion, "libraryVersion is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(inputs, "inputs is null");
        requireNonNull(adjustments, "adjustments is null");
        requireNonNull(backtestErrors, "backtestErrors is null");
        checkArgument(planVersion >= 1, "planVersion must be >= 1, got %s", planVersion);
        checkArgument(trainRows >= 0, "trainRows must be >= 0, got %s", trainRows);
    }
}
