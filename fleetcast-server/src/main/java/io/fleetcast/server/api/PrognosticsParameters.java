package io.fleetcast.server.api;

import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters the prognostics endpoints share ({@code day}, {@code limit}, {@code k}, {@code days}), and the
 * scored day a request names, or "not found" (HTTP 404) when nothing was scored (that day).
 */
final class PrognosticsParameters {
    /** The answer when no day was scored yet. */
    static final String NO_PREDICTIONS =
            "no predictions yet: run fleetcast prognose train and fleetcast prognose score";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_K = 2;
    static final int MAX_K = 100;
    static final int DEFAULT_DAYS = 60;
    static final int MAX_DAYS = 365;

    /** How many days an "unknown day" message lists. */
    private static final int DAYS_IN_MESSAGES = 10;

    private PrognosticsParameters() {}

    /**
     * {@code day}, a date as {@code YYYY-MM-DD}; {@code null} when absent or blank.
     *
     * @throws FleetcastException {@code BAD_INPUT} if it is not a date
     */
    static @Nullable LocalDate day(Map<String, String> parameters) {
        String text = parameters.getOrDefault("day", "").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT, "parameter \"day\": expected a date as YYYY-MM-DD, got \"" + text + "\"", e);
        }
    }

    /**
     * The scored day {@code requested} names among the scored {@code days} (newest first, as {@link
     * PrognosticsService#scoredDays()} lists them): the newest when {@code null}.
     *
     * @throws NotFoundException when nothing was scored yet, or not on {@code requested}
     */
    static LocalDate scoredDay(List<LocalDate> days, @Nullable LocalDate requested) {
        if (days.isEmpty()) {
            throw new NotFoundException(NO_PREDICTIONS);
        }
        if (requested == null) {
            return days.get(0);
        }
        if (!days.contains(requested)) {
            String listed = days.stream()
                    .limit(DAYS_IN_MESSAGES)
                    .map(LocalDate::toString)
                    .collect(Collectors.joining(", "));
            int more = days.size() - DAYS_IN_MESSAGES;
            throw new NotFoundException("nothing was scored on " + requested + "; scored days, newest first: " + listed
                    + (more > 0 ? " and " + more + " more" : ""));
        }
        return requested;
    }

    /** {@code limit}: how many predictions to answer, 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default. */
    static int limit(Map<String, String> parameters) {
        return bounded(parameters, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** {@code k}: alerts judged per scored day, 1 to {@value #MAX_K}, {@value #DEFAULT_K} by default. */
    static int k(Map<String, String> parameters) {
        return bounded(parameters, "k", DEFAULT_K, MAX_K);
    }

    /** {@code days}: days of signals up to the day, 1 to {@value #MAX_DAYS}, {@value #DEFAULT_DAYS} by default. */
    static int days(Map<String, String> parameters) {
        return bounded(parameters, "days", DEFAULT_DAYS, MAX_DAYS);
    }

    private static int bounded(Map<String, String> parameters, String name, int defaultValue, int max) {
        String text = parameters.getOrDefault(name, "");
        if (text.isBlank()) {
            return defaultValue;
        }
        int value = QueryParameters.wholeNumber(name, text);
        if (value < 1 || value > max) {
            throw FleetcastException.badInput("parameter \"" + name + "\": expected 1 to " + max + ", got " + value);
        }
        return value;
    }
}
