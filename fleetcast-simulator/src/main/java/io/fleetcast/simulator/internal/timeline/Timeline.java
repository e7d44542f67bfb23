package io.fleetcast.simulator.internal.timeline;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The days the simulation covers, as UTC epoch days. The history written to files is {@code [firstDay, lastDay]};
 * the world is simulated from {@link #earliestDay()} (six years earlier, so old clusters and servers exist when the
 * history starts) to {@link #latestDay()} (past the one-year planning horizon, for ground truth about the future).
 *
 * @param start first day of written history
 * @param end last day of written history (inclusive)
 */
public record Timeline(LocalDate start, LocalDate end) {
    /** Days simulated before the written history. */
    public static final int PRE_HISTORY_DAYS = 6 * 365;
    /** Days after {@code end} over which truth about the future is stated (the planning horizon). */
    public static final int HORIZON_DAYS = 365;
    /** Days simulated after {@code end}: the horizon plus room for orders placed just before {@code end}. */
    public static final int FUTURE_DAYS = HORIZON_DAYS + 60;
    /** Days of hourly usage at the end of the history. */
    public static final int HOURLY_DAYS = 28;
    /** Days of telemetry at the end of the history. */
    public static final int TELEMETRY_DAYS = 75;

    public Timeline {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        checkArgument(!end.isBefore(start), "end %s is before start %s", end, start);
    }

    /** The timeline of {@code days} days of history ending on {@code end}. */
    public static Timeline ofHistory(int days, LocalDate end) {
        checkArgument(days >= 1, "days must be >= 1, got %s", days);
        return new Timeline(end.minusDays(days - 1L), end);
    }

    public int firstDay() {
        return Math.toIntExact(start.toEpochDay());
    }

    public int lastDay() {
        return Math.toIntExact(end.toEpochDay());
    }

    /** Days of written history. */
    public int historyDays() {
        return lastDay() - firstDay() + 1;
    }

    /** First simulated day, {@link #PRE_HISTORY_DAYS} before {@link #firstDay()}. */
    public int earliestDay() {
        return firstDay() - PRE_HISTORY_DAYS;
    }

    /** Last simulated day, {@link #FUTURE_DAYS} after {@link #lastDay()}. */
    public int latestDay() {
        return lastDay() + FUTURE_DAYS;
    }

    /** Number of simulated days, the length of arrays indexed by {@link #index(int)}. */
    public int length() {
        return latestDay() - earliestDay() + 1;
    }

    /** The array index of {@code day} in arrays covering every simulated day. */
    public int index(int day) {
        return day - earliestDay();
    }

    /** Last day of the planning horizon ({@link #HORIZON_DAYS} after {@code end}). */
    public int horizonEndDay() {
        return lastDay() + HORIZON_DAYS;
    }

    /** First day with hourly usage rows. */
    public int firstHourlyDay() {
        return Math.max(firstDay(), lastDay() - HOURLY_DAYS + 1);
    }

    /** First day with telemetry rows. */
    public int firstTelemetryDay() {
        return Math.max(firstDay(), lastDay() - TELEMETRY_DAYS + 1);
    }

    /** Last day of the calendar quarter that contains {@code end}. */
    public int currentQuarterEndDay() {
        LocalDate quarterStart = end.with(IsoFields.DAY_OF_QUARTER, 1);
        return Math.toIntExact(quarterStart.plusMonths(3).minusDays(1).toEpochDay());
    }

    /** The date of epoch day {@code day}. */
    public static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    /** The epoch day of {@code date}. */
    public static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    /** Years from {@code end} to {@code day} (negative before {@code end}), 365.25 days a year. */
    public double yearsFromEnd(int day) {
        return (day - lastDay()) / 365.25;
    }

    /** ISO day of week of {@code day}: 1 = Monday ... 7 = Sunday. */
    public static int dayOfWeek(int day) {
        // 1970-01-01 was a Thursday (4).
        return Math.floorMod(day + 3, 7) + 1;
    }
}
