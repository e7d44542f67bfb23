package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget period as budgets files name it: a quarter {@code 2026-Q3}, a half {@code 2026-H1}, a month {@code 2026-07}
 * or a year {@code 2026}.
 *
 * @param label the name, normalised to upper case
 * @param start the first day
 * @param end the last day, inclusive
 */
public record BudgetPeriod(String label, LocalDate start, LocalDate end) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public BudgetPeriod {
        requireNonNull(label, "label is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "period " + label + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * The period {@code text} names.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms when it is none of them
     */
    public static BudgetPeriod parse(String text) {
        String label = text.trim().toUpperCase(Locale.ROOT);
        Matcher quarter = QUARTER.matcher(label);
        if (quarter.matches()) {
            LocalDate start =
                    LocalDate.of(Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2, 1);
            return new BudgetPeriod(label, start, start.plusMonths(3).minusDays(1));
        }
        Matcher half = HALF.matcher(label);
        if (half.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(half.group(1)), 6 * Integer.parseInt(half.group(2)) - 5, 1);
            return new BudgetPeriod(label, start, start.plusMonths(6).minusDays(1));
        }
        try {
            if (MONTH.matcher(label).matches()) {
                YearMonth month = YearMonth.parse(label);
                return new BudgetPeriod(label, month.atDay(1), month.atEndOfMonth());
            }
        } catch (DateTimeParseException e) {
            // Falls through to the refusal below.
        }
        if (YEAR.matcher(label).matches()) {
            int year = Integer.parseInt(label);
            return new BudgetPeriod(label, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        throw new IllegalArgumentException("'" + text + "' is not a budget period: use a quarter (2026-Q3), a half"
                + " (2026-H1), a month (2026-07) or a year (2026)");
    }

    /** Days in the period. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Whether {@code day} is in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
