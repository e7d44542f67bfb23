package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a plan version got each of its series' runs; stored as the plan's {@code lineage} JSON:
 * {@code {"series": [{"series_key", "action", "reason", "source_run_id", "source_plan_version"}, ...]}}.
 *
 * @param series one entry per series, in series-key order
 */
public record PlanLineage(ImmutableList<Entry> series) {
    public PlanLineage {
        requireNonNull(series, "series is null");
    }

    public static PlanLineage of(List<Entry> series) {
        return new PlanLineage(ImmutableList.copyOf(series));
    }

    /** What happened to a series in a new plan version. */
    public enum Action {
        /** A model was fitted anew. */
        REFIT,
        /** The parent's run was copied unchanged. */
        CARRIED
    }

    /**
     * One series' lineage.
     *
     * @param seriesKey the series, {@code service/cluster/resource}
     * @param action refitted or carried forward
     * @param reason why, for people: e.g. {@code first fit}, {@code new data: 7 days after 2026-06-30}, {@code no new
     *     data since 2026-06-30}
     * @param sourceRunId for a carried run, the run it was copied from; {@code null} for a refit
     * @param sourcePlanVersion for a carried run, the plan version of the run it was copied from
     */
    public record Entry(
            String seriesKey,
            Action action,
            String reason,
            @Nullable Long sourceRunId,
            @Nullable Integer sourcePlanVersion) {
        public Entry {
            requireNonNull(seriesKey, "seriesKey is null");
            requireNonNull(action, "action is null");
            requireNonNull(reason, "reason is null");
            checkArgument(
                    (action == Action.CARRIED) == (sourceRunId != null && sourcePlanVersion != null),
                    "a carried run (and only one) names its source run and plan version: %s %s",
                    action,
                    sourceRunId);
        }

        public static Entry refit(String seriesKey, String reason) {
            return new Entry(seriesKey, Action.REFIT, reason, null, null);
        }

        public static Entry carried(String seriesKey, String reason, ForecastRun source) {
            return new Entry(seriesKey, Action.CARRIED, reason, source.runId(), source.planVersion());
        }
    }
}
