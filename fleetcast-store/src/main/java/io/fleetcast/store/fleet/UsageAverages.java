package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;

import org.jspecify.annotations.Nullable;

/**
 * Average daily usage and allocation of one resource over a range: each day's values are summed over the services and
 * clusters in scope, then averaged over the days that have daily usage rows.
 *
 * @param used average used, canonical unit; {@code null} when no day in the range has usage rows
 * @param allocated average allocated, canonical unit; {@code null} when no row in the range states an allocation
 * @param days the number of days with usage rows
 */
public record UsageAverages(@Nullable Double used, @Nullable Double allocated, long days) {
    public static final UsageAverages NONE = new UsageAverages(null, null, 0);

    public UsageAverages {
        checkArgument(days >= 0, "days must be >= 0, got %s", days);
        checkArgument((used == null) == (days == 0), "used must be present exactly when days > 0");
    }
}
