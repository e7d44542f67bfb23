package io.fleetcast.app.forecast;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.Ints;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.time.Cadence;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts one series from a {@code ts,value} CSV file. What it does with imperfect input, each reported in the
 * result's notes:
 *
 * <ul>
 *   <li>rows out of order are sorted; a duplicate timestamp, an unreadable timestamp or value, or a timestamp off the
 *       series' step is an error naming the line;
 *   <li>the step is the most common gap between timestamps (months, quarters and years by the calendar);
 *   <li>missing values (empty, {@code NA}, {@code NaN}) and missing timestamps inside the series are filled by linear
 *       interpolation, unless more than a quarter of the steps are missing (an error); missing values at either end are
 *       dropped;
 *   <li>negative values are kept as they are (net flows can be negative) and counted;
 *   <li>a seasonal period the series is too short to show twice is left out;
 *   <li>a constant series gets a constant forecast with zero-width intervals.
 * </ul>
 */
public final class FileForecastService {
    /** The largest share of the steps that may be missing and filled. */
    public static final double MAXIMUM_MISSING_SHARE = 0.25;

    /** One forecast step: its timestamp (as the input wrote them: dates or UTC date-times) and values. */
    public record Point(String ts, double mean, double lo80, double hi80, double lo95, double hi95) {}

    /**
     * The forecast of a file.
     *
     * @param step the series' step, e.g. {@code 1 hour}
     * @param trainStart the first observation's timestamp (the training window's start)
     * @param trainEnd the last observation's timestamp
     * @param seasonalPeriods the seasonal periods the method saw, in steps
     * @param observations the observations the method was fitted to (after filling gaps)
     * @param imputed how many of those were filled in
     * @param notes what was done with imperfect input, for people to read
     */
    public record Result(
            String input,
            String model,
            int horizon,
            String step,
            String trainStart,
            String trainEnd,
            ImmutableList<Integer> seasonalPeriods,
            int observations,
            int imputed,
            ImmutableList<String> notes,
            ImmutableMap<String, Double> parameters,
            ImmutableList<Point> forecast) {}

    private FileForecastService() {}

    /**
     * Forecasts {@code file} {@code horizon} steps ahead with {@code method}, at the given seasonal periods (in steps)
     * or, when {@code seasons} is empty, at those its step usually has (24 and 168 for hourly data, 7 and 365 for
     * daily, 52 for weekly, 12 for monthly, 4 for quarterly).
     */
    public static Result forecast(Path file, int horizon, List<Integer> seasons, Forecaster method) {
        if (horizon < 1) {
            throw FleetcastException.badInput("the horizon must be at least 1 step, got " + horizon);
        }
        for (int season : seasons) {
            if (season < 2) {
                throw FleetcastException.badInput("a seasonal period must be at least 2 steps, got " + season);
            }
        }
        TimedValues input = TimedValues.read(file);
        List<String> notes = new ArrayList<>();
        List<TimedValues.Row> rows = trimMissingEnds(input, notes);
        List<Instant> instants = rows.stream().map(TimedValues.Row::ts).toList();
        Cadence cadence = Cadence.infer(instants);
        Instant first = instants.get(0);
        Instant last = instants.get(instants.size() - 1);
        long[] indexes = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            TimedValues.Row row = rows.get(i);
            indexes[i] = cadence.stepsBetween(first, row.ts());
            if (indexes[i] < 0) {
                throw FleetcastException.badInput(file + ":" + row.line() + ": timestamp " + format(row.ts(), input)
                        + " is off the series' step of " + cadence.label() + " from " + format(first, input)
                        + "; use one timestamp per step");
            }
        }
        long length = indexes[rows.size() - 1] + 1;
        long absent = length - rows.size();
        if (absent > MAXIMUM_MISSING_SHARE * length) {
            // Before allocating: a mistyped year can put one timestamp millions of steps away.
            int firstAbsent = 0;
            while (indexes[firstAbsent] == firstAbsent) {
                firstAbsent++;
            }
            throw tooManyMissing(input, cadence, first, absent, length, firstAbsent);
        }
        double[] values = new double[Math.toIntExact(length)];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < rows.size(); i++) {
            values[(int) indexes[i]] = rows.get(i).value();
        }
        int imputed = fillGaps(values, cadence, first, input, notes);
        countNegatives(rows, file, notes);
        int[] periods = usablePeriods(
                seasons.isEmpty() ? cadence.seasonalPeriods() : Ints.toArray(seasons), values.length, notes);
        boolean constant = isConstant(values);
        Forecast forecast;
        try {
            forecast = method.forecast(Series.of(values, periods), horizon);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(
                    file + ": " + method.name() + " cannot forecast this series: " + e.getMessage());
        }
        if (constant) {
            notes.add("the series is constant; the forecast repeats it");
        }
        ImmutableList.Builder<Point> points = ImmutableList.builder();
        double[] mean = forecast.mean();
        double[] lower80 = forecast.lower80();
        double[] upper80 = forecast.upper80();
        double[] lower95 = forecast.lower95();
        double[] upper95 = forecast.upper95();
        for (int step = 0; step < horizon; step++) {
            points.add(new Point(
                    format(cadence.plus(last, step + 1), input),
                    mean[step],
                    lower80[step],
                    upper80[step],
                    lower95[step],
                    upper95[step]));
        }
        return new Result(
                file.toString(),
                forecast.provenance().model(),
                horizon,
                cadence.label(),
                format(first, input),
                format(last, input),
                ImmutableList.copyOf(Ints.asList(periods)),
                values.length,
                imputed,
                ImmutableList.copyOf(notes),
                forecast.provenance().parameters(),
                points.build());
    }

    /** The rows from the first to the last with a value; at least two of them. */
    private static List<TimedValues.Row> trimMissingEnds(TimedValues input, List<String> notes) {
        List<TimedValues.Row> rows = input.rows();
        int from = 0;
        while (from < rows.size() && Double.isNaN(rows.get(from).value())) {
            from++;
        }
        int to = rows.size();
        while (to > from && Double.isNaN(rows.get(to - 1).value())) {
            to--;
        }
        if (to - from < 2) {
            throw FleetcastException.badInput(
                    input.file() + ": needs at least 2 values to forecast, got " + Math.max(0, to - from));
        }
        if (from > 0 || to < rows.size()) {
            notes.add("dropped " + (from + rows.size() - to) + " rows without a value at the start or end");
        }
        return rows.subList(from, to);
    }

    /** Fills missing steps by linear interpolation; returns how many. */
    private static int fillGaps(
            double[] values, Cadence cadence, Instant first, TimedValues input, List<String> notes) {
        int missing = 0;
        int firstMissing = -1;
        for (int t = 0; t < values.length; t++) {
            if (Double.isNaN(values[t])) {
                missing++;
                firstMissing = firstMissing < 0 ? t : firstMissing;
            }
        }
        if (missing == 0) {
            return 0;
        }
        if (missing > MAXIMUM_MISSING_SHARE * values.length) {
            throw tooManyMissing(input, cadence, first, missing, values.length, firstMissing);
        }
        interpolate(values);
        String where = format(cadence.plus(first, firstMissing), input);
        notes.add("filled " + missing + " missing " + (missing == 1 ? "step" : "steps")
                + " by linear interpolation (the first at " + where + ")");
        return missing;
    }

    /** Fills each run of {@code NaN} inside {@code values} by linear interpolation; the ends must have values. */
    static void interpolate(double[] values) {
        int t = 0;
        while (t < values.length) {
            if (!Double.isNaN(values[t])) {
                t++;
                continue;
            }
            int end = t;
            while (Double.isNaN(values[end])) {
                end++;
            }
            double before = values[t - 1];
            double after = values[end];
            for (int k = t; k < end; k++) {
                values[k] = before + (after - before) * (k - t + 1) / (end - t + 1);
            }
            t = end;
        }
    }

    private static FleetcastException tooManyMissing(
            TimedValues input, Cadence cadence, Instant first, long missing, long length, long firstMissing) {
        return FleetcastException.badInput(String.format(
                Locale.ROOT,
                "%s: %d of %d steps (%s each) have no value, the first at %s; more than %.0f%% missing is too many"
                        + " to fill: fill the gaps or use a coarser step",
                input.file(),
                missing,
                length,
                cadence.label(),
                format(cadence.plus(first, firstMissing), input),
                100 * MAXIMUM_MISSING_SHARE));
    }

    private static void countNegatives(List<TimedValues.Row> rows, Path file, List<String> notes) {
        int negatives = 0;
        int firstLine = 0;
        for (TimedValues.Row row : rows) {
            if (row.value() < 0) {
                negatives++;
                firstLine = firstLine == 0 ? row.line() : firstLine;
            }
        }
        if (negatives > 0) {
            notes.add(negatives + " negative " + (negatives == 1 ? "value" : "values") + " (the first on " + file + ":"
                    + firstLine + ") kept as they are");
        }
    }

    /** The periods a series of {@code length} observations shows at least twice; each left out is noted. */
    static int[] usablePeriods(int[] periods, int length, List<String> notes) {
        List<Integer> usable = new ArrayList<>();
        for (int period : periods) {
            if (2 * period < length) {
                usable.add(period);
            } else {
                notes.add("seasonal period " + period + " left out: showing it twice needs more than " + 2 * period
                        + " observations, the series has " + length);
            }
        }
        return Ints.toArray(usable);
    }

    private static boolean isConstant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static String format(Instant instant, TimedValues input) {
        return input.datesOnly()
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : instant.toString();
    }
}
