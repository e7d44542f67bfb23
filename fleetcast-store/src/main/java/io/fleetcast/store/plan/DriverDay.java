package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One stored day of a traffic driver.
 *
 * @param date the day
 * @param driver the driver's name, e.g. {@code daily_active_users}
 * @param service the service it applies to; {@code null} for a fleet-wide driver
 * @param value the driver's value that day, in {@code unit}
 * @param unit what is counted, e.g. {@code users}
 */
public record DriverDay(
        LocalDate date, String driver, @Nullable String service, double value, String unit) {
    public DriverDay {
        requireNonNull(date, "date is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(unit, "unit is null");
        checkArgument(Double.isFinite(value), "value must be finite, got %s", value);
    }
}
