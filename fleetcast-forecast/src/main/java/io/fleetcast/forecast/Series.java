package io.fleetcast.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Observations at a regular step, oldest first, and the lengths of the seasonal cycles they may have (in steps: 24 and
 * 168 for hourly data, 7 for daily, 52 for weekly, none for annual). Immutable; every value is finite.
 */
public final class Series {
    private final double[] values;
    private final int[] seasonalPeriods;

    private Series(double[] values, int[] seasonalPeriods) {
        for (int i = 0; i < values.length; i++) {
            checkArgument(
                    Double.isFinite(values[i]),
                    "observation %s is %s; every value must be a finite number",
                    (Object) (i + 1),
                    values[i]);
        }
        for (int period : seasonalPeriods) {
            checkArgument(period >= 2, "a seasonal period must be at least 2 steps, got %s", period);
        }
        this.values = values;
        this.seasonalPeriods = seasonalPeriods;
    }

    /** The series {@code values} (copied) with the given seasonal periods, shortest first. */
    public static Series of(double[] values, int... seasonalPeriods) {
        int[] periods = seasonalPeriods.clone();
        Arrays.sort(periods);
        return new Series(values.clone(), periods);
    }

    public int length() {
        return values.length;
    }

    /** Observation {@code index} (0 = oldest). */
    public double value(int index) {
        return values[index];
    }

    /** A copy of the observations. */
    public double[] values() {
        return values.clone();
    }

    /** The seasonal periods, shortest first; empty for a series without seasonality. */
    public int[] seasonalPeriods() {
        return seasonalPeriods.clone();
    }

    /** The shortest seasonal period, or 1 when the series has none. */
    public int primaryPeriod() {
        return seasonalPeriods.length == 0 ? 1 : seasonalPeriods[0];
    }
}
