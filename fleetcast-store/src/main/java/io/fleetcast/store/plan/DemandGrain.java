package io.fleetcast.store.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The step at which stored demand is forecast. Hourly and daily demand are the usage rows of that grain; weekly
 * (ISO weeks, from Monday) and monthly demand are the average of the daily rows in each whole week or month, as the
 * store aggregates them.
 */
public enum DemandGrain {
    HOUR("hour", "hours", 168, 2_208),
    DAY("day", "days", 90, 3_660),
    WEEK("week", "weeks", 104, 520),
    MONTH("month", "months", 36, 120);

    private final String code;
    private final String plural;
    private final int defaultHorizon;
    private final int maxHorizon;

    DemandGrain(String code, String plural, int defaultHorizon, int maxHorizon) {
        this.code = code;
        this.plural = plural;
        this.defaultHorizon = defaultHorizon;
        this.maxHorizon = maxHorizon;
    }

    /** {@code hour}, {@code day}, {@code week} or {@code month}. */
    public String code() {
        return code;
    }

    /** {@code 1 day}, {@code 3 weeks}. */
    public String count(long periods) {
        return periods + " " + (periods == 1 ? code : plural);
    }

    /** The horizon when none is given: a week of hours, about a quarter of days, two years of weeks, three of months. */
    public int defaultHorizon() {
        return defaultHorizon;
    }

    /** The longest horizon, in periods. */
    public int maxHorizon() {
        return maxHorizon;
    }

    /** The start of the period after the one starting at {@code start}. */
    public Instant next(Instant start) {
        return plus(start, 1);
    }

    /** Whole periods from the period starting at {@code from} to the one starting at {@code to} (negative if earlier). */
    public long between(Instant from, Instant to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        return switch (this) {
            case HOUR -> Duration.between(from, to).toHours();
            case DAY -> Duration.between(from, to).toDays();
            case WEEK -> Duration.between(from, to).toDays() / 7;
            case MONTH -> ChronoUnit.MONTHS.between(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        };
    }

    /** The start of the period {@code periods} after the one starting at {@code start}. */
    public Instant plus(Instant start, long periods) {
        requireNonNull(start, "start is null");
        return switch (this) {
            case HOUR -> start.plus(Duration.ofHours(periods));
            case DAY -> start.plus(Duration.ofDays(periods));
            case WEEK -> start.plus(Duration.ofDays(7 * periods));
            case MONTH -> start.atOffset(ZoneOffset.UTC).plusMonths(periods).toInstant();
        };
    }

    /** A period's start for people: the hour's instant, else its day. */
    public String label(Instant start) {
        return this == HOUR
                ? start.toString()
                : start.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The grain named {@code code} (case-insensitive). */
    public static Optional<DemandGrain> parse(String code) {
        requireNonNull(code, "code is null");
        for (DemandGrain grain : values()) {
            if (grain.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
