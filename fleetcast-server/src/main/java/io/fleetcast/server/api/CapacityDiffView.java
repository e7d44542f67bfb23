package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.capacity.CapacityPlanDiff;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/capacity/diff}: what changed from one stored capacity plan to a later one in a scope; see {@link
 * CapacityPlanDiff} for the changes. Dates are ISO {@code YYYY-MM-DD}, shifts in days (negative: sooner), amounts in
 * each change's {@code unit}, money in USD.
 *
 * @param from the earlier plan's version
 * @param fromAsOf its last day of data
 * @param to the later plan's version
 * @param toAsOf its last day of data
 * @param scope the part of the later plan compared
 * @param totals orders and exhaustions in the scope, before and after
 * @param changes one per cluster and resource in either plan, the largest moves first
 */
public record CapacityDiffView(
        @Nullable Integer from,
        String fromAsOf,
        @Nullable Integer to,
        String toAsOf,
        CapacityScope scope,
        CapacityPlanDiff.Totals totals,
        List<CapacityPlanDiff.Change> changes) {
    public CapacityDiffView {
        requireNonNull(fromAsOf, "fromAsOf is null");
        requireNonNull(toAsOf, "toAsOf is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(totals, "totals is null");
        changes = ImmutableList.copyOf(changes);
    }

    static CapacityDiffView of(CapacityScope scope, CapacityPlanDiff diff) {
        return new CapacityDiffView(
                diff.from(), diff.fromAsOf(), diff.to(), diff.toAsOf(), scope, diff.totals(), diff.changes());
    }
}
