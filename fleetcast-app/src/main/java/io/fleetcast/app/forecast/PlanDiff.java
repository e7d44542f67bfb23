package io.fleetcast.app.forecast;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What changed per series from one plan version to another.
 *
 * @param fromVersion the older side (as given)
 * @param toVersion the newer side (as given)
 * @param series every series in either plan, in key order
 */
public record PlanDiff(int fromVersion, int toVersion, ImmutableList<SeriesChange> series) {

    /**
     * One series' change.
     *
     * @param seriesKey {@code service/cluster/resource}
     * @param status {@code added}, {@code removed}, {@code changed} or {@code unchanged}
     * @param reasons the causes found, each one of {@code new data}, {@code model change}, {@code inputs change}
     *     (events, drivers or scenarios), {@code refit on the same data}, {@code horizon change}, {@code adjustment};
     *     empty when unchanged, added or removed
     * @param modelBefore the model in {@code fromVersion}; {@code null} if the series is not in it
     * @param modelAfter the model in {@code toVersion}; {@code null} if the series is not in it
     * @param trainEndBefore the last training day in {@code fromVersion}
     * @param trainEndAfter the last training day in {@code toVersion}
     * @param rowsAdded training observations added ({@code after - before}; 0 if the series is on one side only)
     * @param commonDays forecast days both plans cover
     * @param adjustmentsBefore the ids of the adjustments applied in {@code fromVersion}
     * @param adjustmentsAfter the ids of the adjustments applied in {@code toVersion}
     * @param meanBefore the mean forecast (adjusted where adjustments apply) over the common days in {@code
     *     fromVersion}; {@code null} without common days
     * @param meanAfter the same in {@code toVersion}
     * @param percentChange {@code 100 (after - before) / |before|}; {@code null} without common days or when before is 0
     * @param explanation one line for people
     */
    public record SeriesChange(
            String seriesKey,
            String status,
            ImmutableList<String> reasons,
            @Nullable String modelBefore,
            @Nullable String modelAfter,
            @Nullable Instant trainEndBefore,
            @Nullable Instant trainEndAfter,
            long rowsAdded,
            int commonDays,
            ImmutableList<String> adjustmentsBefore,
            ImmutableList<String> adjustmentsAfter,
            @Nullable Double meanBefore,
            @Nullable Double meanAfter,
            @Nullable Double percentChange,
            String explanation) {}
}
