package io.fleetcast.app.forecast;

import com.google.common.collect.ImmutableList;
import io.fleetcast.store.plan.DemandGrain;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@code fleetcast forecast}: the plan version written and what happened to each series.
 *
 * @param planVersion the version written
 * @param parentVersion the version it was made from; {@code null} for the first plan
 * @param grain the grain of its series
 * @param horizon the horizon of the refitted series, in periods of the grain
 * @param refitted how many series were fitted anew
 * @param carried how many runs were carried forward unchanged
 * @param skipped how many selected series could not be forecast (not in the plan)
 * @param series per series, in key order
 * @param reconciliation the reconciliation asked for ({@code MinT shrink}, ...); {@code null} when none was
 * @param notes what people should know about the reconciliation: resources left out or reconciled otherwise, and why
 */
public record PlanForecast(
        int planVersion,
        @Nullable Integer parentVersion,
        DemandGrain grain,
        int horizon,
        int refitted,
        int carried,
        int skipped,
        ImmutableList<SeriesOutcome> series,
        @Nullable String reconciliation,
        ImmutableList<String> notes) {

    /**
     * One series' part in the plan.
     *
     * @param seriesKey {@code service/cluster/resource}
     * @param action {@code refit}, {@code carried} or {@code skipped}
     * @param reason why, for people
     * @param model the model of its run; {@code null} when skipped
     * @param trainEnd the last day its run was trained on; {@code null} when skipped
     * @param regressors the events and drivers its run was fitted with
     * @param adjustments the ids of the manual adjustments applied on top of its forecast
     */
    public record SeriesOutcome(
            String seriesKey,
            String action,
            String reason,
            @Nullable String model,
            @Nullable Instant trainEnd,
            ImmutableList<String> regressors,
            ImmutableList<String> adjustments) {}
}
