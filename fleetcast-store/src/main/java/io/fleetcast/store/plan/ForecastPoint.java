package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One step of a stored forecast: the point forecast and its 80% and 95% prediction intervals.
 *
 * @param ts the start of the forecast period (UTC)
 */
public record ForecastPoint(Instant ts, double mean, double lo80, double hi80, double lo95, double hi95) {
    public ForecastPoint {
        requireNonNull(ts, "ts is null");
        checkArgument(Double.isFinite(mean), "mean must be finite, got %s", mean);
    }
}
