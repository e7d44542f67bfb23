package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;

/**
 * A fit to store with a new plan version: the run's provenance and its forecast.
 *
 * @param seriesKey the series, {@code service/cluster/resource}
 * @param model the model the fit chose
 * @param parameters the fitted parameters by name
 * @param trainStart the first day trained on
 * @param trainEnd the last day trained on (the watermark)
 * @param trainRows the observations trained on
 * @param points the statistical forecast, one point per step, oldest first; at least one
 * @param inputs the events, drivers and scenarios it was fitted with
 * @param adjustments the adjustments applied on top of it, id to description, in the order applied
 * @param adjusted the forecast with the adjustments applied, one point per step; empty when none applies
 * @param backtestErrors the method's backtest errors, oldest first, ending with the last observation; empty when the
 *     method was not backtested
 * @param reconciled the coherent forecast of a reconciled plan, one point per step; empty when the plan is not
 *     reconciled (the adjustments then apply to it rather than to {@code points})
 */
public record NewRun(
        String seriesKey,
        String model,
        ImmutableMap<String, Double> parameters,
        Instant trainStart,
        Instant trainEnd,
        long trainRows,
        ImmutableList<ForecastPoint> points,
        RunInputs inputs,
        ImmutableMap<String, String> adjustments,
        ImmutableList<ForecastPoint> adjusted,
        ImmutableList<Double> backtestErrors,
        ImmutableList<ForecastPoint> reconciled) {
    public NewRun {
        requireNonNull(seriesKey, "seriesKey is null");
        requireNonNull(model, "model is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(trainStart, "trainStart is null");
        requireNonNull(trainEnd, "trainEnd is null");
        requireNonNull(points, "points is null");
        checkArgument(!trainStart.isAfter(trainEnd), "trainStart %s is after trainEnd %s", trainStart, trainEnd);
        checkArgument(trainRows >= 1, "trainRows must be >= 1, got %s", trainRows);
        checkArgument(!points.isEmpty(), "a run needs at least one forecast point (%s)", seriesKey);
        requireNonNull(inputs, "inputs is null");
        requireNonNull(adjustments, "adjustments is null");
        requireNonNull(adjusted, "adjusted is null");
        checkArgument(
                adjusted.isEmpty() ? adjustments.isEmpty() : adjusted.size() == points.size(),
                "%s: the adjusted forecast needs adjustments and a point per step",
                seriesKey);
        requireNonNull(backtestErrors, "backtestErrors is null");
        requireNonNull(reconciled, "reconciled is null");
        checkArgument(
                reconciled.isEmpty() || reconciled.size() == points.size(),
                "%s: the reconciled forecast needs a point per step",
                seriesKey);
    }

    /** A run of a plan that is not reconciled, without backtest errors. */
    public NewRun(
            String seriesKey,
            String model,
            ImmutableMap<String, Double> parameters,
            Instant trainStart,
            Instant trainEnd,
            long trainRows,
            ImmutableList<ForecastPoint> points,
            RunInputs inputs,
            ImmutableMap<String, String> adjustments,
            ImmutableList<ForecastPoint> adjusted) {
        this(
                seriesKey,
                model,
                parameters,
                trainStart,
                trainEnd,
                trainRows,
                points,
                inputs,
                adjustments,
                adjusted,
                ImmutableList.of(),
                ImmutableList.of());
    }
}
