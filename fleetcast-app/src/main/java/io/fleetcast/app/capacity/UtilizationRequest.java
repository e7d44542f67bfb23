package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.fleet.FleetScope;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the utilization analysis is asked for. A window out of range is bad input ({@code BAD_INPUT}).
 *
 * @param scope the part of the fleet (region → site → cluster → service drill-down)
 * @param to the window's last day; {@code null} for the last day of daily usage
 * @param windowDays the window's length in days, 1 to {@value UtilizationService#MAX_WINDOW_DAYS}
 */
public record UtilizationRequest(FleetScope scope, @Nullable LocalDate to, int windowDays) {
    public UtilizationRequest {
        requireNonNull(scope, "scope is null");
        if (windowDays < 1 || windowDays > UtilizationService.MAX_WINDOW_DAYS) {
            throw FleetcastException.badInput(
                    "the window must be 1 to " + UtilizationService.MAX_WINDOW_DAYS + " days, got " + windowDays);
        }
    }

    /** The whole fleet over the last {@value UtilizationService#DEFAULT_WINDOW_DAYS} days of daily usage. */
    public static UtilizationRequest defaults() {
        return new UtilizationRequest(FleetScope.FLEET, null, UtilizationService.DEFAULT_WINDOW_DAYS);
    }
}
