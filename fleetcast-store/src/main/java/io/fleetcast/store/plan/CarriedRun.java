package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * A run of the parent plan carried into a new version: its fit and statistical forecast are copied unchanged, and
 * the adjustments in force now are applied to it anew.
 *
 * @param source the parent's run
 * @param adjustments the adjustments applied in the new version, id to description, in the order applied
 * @param adjusted the source's forecast with them applied, one point per step; empty when none applies
 * @param reconciled its coherent forecast in the new (reconciled) version, one point per step; empty when the version
 *     is not reconciled
 */
public record CarriedRun(
        ForecastRun source,
        ImmutableMap<String, String> adjustments,
        ImmutableList<ForecastPoint> adjusted,
        ImmutableList<ForecastPoint> reconciled) {
    public CarriedRun {
        requireNonNull(source, "source is null");
        requireNonNull(adjustments, "adjustments is null");
        requireNonNull(adjusted, "adjusted is null");
        requireNonNull(reconciled, "reconciled is null");
        checkArgument(
                adjusted.isEmpty() == adjustments.isEmpty(),
                "%s: an adjusted forecast comes with its adjustments",
                source.seriesKey());
    }

    /** A run carried into a version that is not reconciled. */
    public CarriedRun(
            ForecastRun source, ImmutableMap<String, String> adjustments, ImmutableList<ForecastPoint> adjusted) {
        this(source, adjustments, adjusted, ImmutableList.of());
    }

    public String seriesKey() {
        return source.seriesKey();
    }
}
