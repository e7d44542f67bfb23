package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A traffic driver's value on one day.
 *
 * @param driver the driver, e.g. {@code requests}
 * @param service the service it belongs to; null for a fleet-wide driver
 * @param unit its unit, e.g. {@code requests}, {@code users}
 * @param day the day
 * @param value its value that day
 */
public record DriverDay(String driver, @Nullable String service, String unit, LocalDate day, double value) {
    public DriverDay {
        requireNonNull(driver, "driver is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(day, "day is null");
    }
}
