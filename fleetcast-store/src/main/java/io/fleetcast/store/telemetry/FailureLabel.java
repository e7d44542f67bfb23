package io.fleetcast.store.telemetry;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What happened to an asset after a day with telemetry: the targets a failure model learns.
 *
 * @param assetId the asset
 * @param day the day
 * @param failsWithin whether it failed within the horizon after the day: true if its failure date is in (day, day +
 *     horizon]; false if it was seen running (not failed, not retired) through day + horizon; null when that is not
 *     known (retired, or the data end, before day + horizon)
 * @param daysToFailure days from the day to its failure (remaining useful life); null when it has not failed after
 *     the day
 */
public record FailureLabel(
        String assetId,
        LocalDate day,
        @Nullable Boolean failsWithin,
        @Nullable Long daysToFailure) {
    public FailureLabel {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(day, "day is null");
    }
}
