package io.fleetcast.store.telemetry;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One signal of one asset at the end of one day, from its readings on that day and before only (point in time). A
 * day's readings are first averaged into the day's value; windows end on the day and reach back {@code window - 1}
 * days.
 *
 * @param assetId the asset
 * @param day the day (features as of its end)
 * @param signal the signal
 * @param window the window, in days
 * @param last the day's value
 * @param mean mean of the daily values in the window
 * @param std their sample standard deviation; null with one value
 * @param min their least
 * @param max their greatest
 * @param slope least-squares slope of the daily values against the day, per day; null with one value
 * @param ewma exponentially weighted mean over the window, a value d days old weighing exp(−d / (window / 2))
 * @param crossings days in the window whose value was above the signal's threshold; null without a threshold
 * @param sinceFirst the day's value less the asset's first daily value of the signal
 * @param ageDays days since the asset's install date
 */
public record SignalFeatures(
        String assetId,
        LocalDate day,
        String signal,
        int window,
        double last,
        double mean,
        @Nullable Double std,
        double min,
        double max,
        @Nullable Double slope,
        double ewma,
        @Nullable Long crossings,
        double sinceFirst,
        long ageDays) {
    public SignalFeatures {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(day, "day is null");
        requireNonNull(signal, "signal is null");
    }
}
