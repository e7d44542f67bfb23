package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.FleetcastException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's scenario for a traffic driver: its forecast changed by {@code change} (0.2 for +20%), ramping linearly
 * from the first day after its data to the full change on {@code by}, and holding after. Written {@code
 * DRIVER=+20%@2027-06-01}.
 *
 * @param driver the driver's name as stored
 * @param change the relative change, above -1
 * @param by the day the full change is reached
 */
public record DriverScenario(String driver, double change, LocalDate by) {
    private static final Pattern SYNTAX = Pattern.compile("([^=\\s]+)\\s*=\\s*([+-]?\\d+(?:\\.\\d+)?)%\\s*@\\s*(\\S+)");

    public DriverScenario {
        requireNonNull(driver, "driver is null");
        requireNonNull(by, "by is null");
        if (!(change > -1) || !Double.isFinite(change)) {
            throw FleetcastException.badInput("scenario for " + driver + ": a change of " + 100 * change
                    + "% would make the driver zero or negative");
        }
    }

    /**
     * Reads {@code DRIVER=+20%@2027-06-01}.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the problem if the text is not a scenario
     */
    public static DriverScenario parse(String text) {
        requireNonNull(text, "text is null");
        Matcher matcher = SYNTAX.matcher(text.trim());
        if (!matcher.matches()) {
            throw FleetcastException.badInput("scenario \"" + text + "\" is not DRIVER=CHANGE%@DATE, e.g."
                    + " daily_active_users=+20%@2027-06-01");
        }
        try {
            return new DriverScenario(
                    matcher.group(1), Double.parseDouble(matcher.group(2)) / 100, LocalDate.parse(matcher.group(3)));
        } catch (DateTimeParseException e) {
            throw FleetcastException.badInput(
                    "scenario \"" + text + "\": " + matcher.group(3) + " is not a date (YYYY-MM-DD)");
        }
    }

    /** For people: {@code daily_active_users +20% by 2027-06-01}. */
    public String describe() {
        return driver + " " + percent() + " by " + by;
    }

    /** As the command line takes it: {@code daily_active_users=+20%@2027-06-01}. */
    public String argument() {
        return driver + "=" + percent() + "@" + by;
    }

    private String percent() {
        return (change >= 0 ? "+" : "-")
                + BigDecimal.valueOf(Math.abs(100 * change))
                        .round(new MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }
}
