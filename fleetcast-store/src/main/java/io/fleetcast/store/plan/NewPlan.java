package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A plan version to write: the runs fitted for it and the runs of its parent it carries forward unchanged.
 *
 * @param grain the grain of its series
 * @param parentVersion the latest plan version of its grain when this one was made; {@code null} for the first plan. Writing
 *     fails if another plan was written since, so a plan's lineage always refers to its real parent.
 * @param description a line for people
 * @param lineage per series, how the plan got its run; names exactly the series of {@code fitted} and {@code carried}
 * @param fitted the new fits
 * @param carried the runs copied forward (fit and statistical forecast) under new run ids, adjusted anew
 * @param reconciliation the method that made the plan coherent (e.g. {@code MinT shrink}); {@code null} when none did
 */
public record NewPlan(
        DemandGrain grain,
        @Nullable Integer parentVersion,
        String description,
        PlanLineage lineage,
        ImmutableList<NewRun> fitted,
        ImmutableList<CarriedRun> carried,
        @Nullable String reconciliation) {
    public NewPlan {
        requireNonNull(grain, "grain is null");
        requireNonNull(description, "description is null");
        requireNonNull(lineage, "lineage is null");
        requireNonNull(fitted, "fitted is null");
        requireNonNull(carried, "carried is null");
        Set<String> keys = new HashSet<>();
        fitted.forEach(run -> checkArgument(keys.add(run.seriesKey()), "series %s twice", run.seriesKey()));
        carried.forEach(run -> checkArgument(keys.add(run.seriesKey()), "series %s twice", run.seriesKey()));
        checkArgument(
                keys.size() == lineage.series().size()
                        && lineage.series().stream().allMatch(entry -> keys.contains(entry.seriesKey())),
                "the lineage must name exactly the plan's %s series",
                keys.size());
    }

    /** A plan that is not reconciled. */
    public NewPlan(
            DemandGrain grain,
            @Nullable Integer parentVersion,
            String description,
            PlanLineage lineage,
            ImmutableList<NewRun> fitted,
            ImmutableList<CarriedRun> carried) {
        this(grain, parentVersion, description, lineage, fitted, carried, null);
    }
}
