package io.fleetcast.core.time;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.primitives.Ints;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regular step of a time series and the seasonal cycles that step usually carries: a fixed duration (minutes,
 * hours, days, weeks) or a calendar step (months, quarters, years, which vary in length). Calendar steps are counted
 * in UTC.
 */
public record Cadence(Duration fixedStep, int months) {
    private static final long DAY_SECONDS = 86_400;

    public Cadence {
        requireNonNull(fixedStep, "fixedStep is null");
        checkArgument(
                (months == 0) != fixedStep.isZero(),
                "a cadence is either a fixed step or a number of months, got %s and %s months",
                fixedStep,
                months);
        checkArgument(!fixedStep.isNegative() && months >= 0, "a cadence step must be positive");
    }

    /** A fixed step, e.g. one hour. */
    public static Cadence of(Duration step) {
        checkArgument(step.compareTo(Duration.ZERO) > 0, "the step must be positive, got %s", step);
        return new Cadence(step, 0);
    }

    /** A calendar step of {@code months} months (1 monthly, 3 quarterly, 12 yearly). */
    public static Cadence ofMonths(int months) {
        checkArgument(months >= 1, "the step must be at least one month, got %s", months);
        return new Cadence(Duration.ZERO, months);
    }

    /**
     * The cadence of {@code instants} (increasing): the most common gap between neighbours, read as months, quarters
     * or years when it is 28 to 31, 89 to 92 or 365 to 366 days.
     *
     * @throws IllegalArgumentException with fewer than 2 instants
     */
    public static Cadence infer(List<Instant> instants) {
        checkArgument(
                instants.size() >= 2, "at least 2 timestamps are needed to tell the step, got %s", instants.size());
        Map<Long, Integer> counts = new HashMap<>();
        long mode = 0;
        int best = 0;
        for (int i = 1; i < instants.size(); i++) {
            long seconds =
                    Duration.between(instants.get(i - 1), instants.get(i)).toSeconds();
            int count = counts.merge(seconds, 1, Integer::sum);
            if (count > best || (count == best && seconds < mode)) {
                best = count;
                mode = seconds;
            }
        }
        checkArgument(mode > 0, "timestamps must increase");
        long days = mode / DAY_SECONDS;
        if (mode % DAY_SECONDS == 0) {
            if (days >= 28 && days <= 31) {
                return ofMonths(1);
            }
            if (days >= 89 && days <= 92) {
                return ofMonths(3);
            }
            if (days == 365 || days == 366) {
                return ofMonths(12);
            }
        }
        return of(Duration.ofSeconds(mode));
    }

    /** Whether this is a calendar step (months, quarters, years). */
    public boolean isCalendar() {
        return months > 0;
    }

    /** The timestamp {@code steps} steps after {@code start}. */
    public Instant plus(Instant start, long steps) {
        if (isCalendar()) {
            ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
            return utc.plusMonths(steps * months).toInstant();
        }
        return start.plus(fixedStep.multipliedBy(steps));
    }

    /** The number of whole steps from {@code start} to {@code end}, when {@code end} lies on the grid; else -1. */
    public long stepsBetween(Instant start, Instant end) {
        if (isCalendar()) {
            ZonedDateTime from = start.atZone(ZoneOffset.UTC);
            ZonedDateTime to = end.atZone(ZoneOffset.UTC);
            long steps = ChronoUnit.MONTHS.between(from, to) / months;
            return plus(start, steps).equals(end) ? steps : -1;
        }
        Duration between = Duration.between(start, end);
        if (fixedStep.toNanosPart() == 0 && between.toNanosPart() == 0) {
            // Whole seconds: no overflow however far apart (nanoseconds overflow after 292 years).
            long step = fixedStep.toSeconds();
            return between.toSeconds() % step == 0 ? between.toSeconds() / step : -1;
        }
        long nanos = fixedStep.toNanos();
        return between.toNanos() % nanos == 0 ? between.toNanos() / nanos : -1;
    }

    /**
     * The seasonal periods (in steps, shortest first) data at this cadence usually has: daily and weekly cycles for
     * steps that divide a day, weekly and yearly cycles for daily data, yearly for weekly, monthly and quarterly data,
     * none for yearly or irregular steps.
     */
    public int[] seasonalPeriods() {
        if (isCalendar()) {
            return switch (months) {
                case 1 -> new int[] {12};
                case 3 -> new int[] {4};
                default -> new int[0];
            };
        }
        long seconds = fixedStep.toSeconds();
        List<Integer> periods = new ArrayList<>();
        if (seconds < DAY_SECONDS && DAY_SECONDS % seconds == 0) {
            int perDay = (int) (DAY_SECONDS / seconds);
            periods.add(perDay);
            periods.add(7 * perDay);
        } else if (seconds == DAY_SECONDS) {
            periods.add(7);
            periods.add(365);
        } else if (seconds == 7 * DAY_SECONDS) {
            periods.add(52);
        }
        return Ints.toArray(periods);
    }

    /** The step as people say it: {@code 1 hour}, {@code 15 minutes}, {@code 1 day}, {@code 1 month}, ... */
    public String label() {
        if (isCalendar()) {
            return switch (months) {
                case 1 -> "1 month";
                case 3 -> "1 quarter";
                case 12 -> "1 year";
                default -> months + " months";
            };
        }
        long seconds = fixedStep.toSeconds();
        if (seconds % (7 * DAY_SECONDS) == 0) {
            return plural(seconds / (7 * DAY_SECONDS), "week");
        }
        if (seconds % DAY_SECONDS == 0) {
            return plural(seconds / DAY_SECONDS, "day");
        }
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
