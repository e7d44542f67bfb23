package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * An external variable of a regression, one value per step from the series' first observation through the forecast
 * horizon: a special event (1 on the steps it covers, 0 elsewhere; fractions for partial cover) or a traffic driver
 * (its observed values, then its own forecast or a scenario). On the log scale a driver enters as its logarithm, so its
 * coefficient is an elasticity (percent demand per percent driver), and an event's effect is a lift (a factor).
 */
public final class Regressor {
    /** What the variable is; it decides how it enters the model and how its effect is reported. */
    public enum Kind {
        EVENT,
        DRIVER,
        /** A change of the trend's slope: 0 up to its step, then the scaled time since it ({@link TrendChangeScan}). */
        TREND_CHANGE
    }

    private final String name;
    private final Kind kind;
    private final double[] values;

    private Regressor(String name, Kind kind, double[] values) {
        this.name = requireNonNull(name, "name is null");
        this.kind = requireNonNull(kind, "kind is null");
        // Checked before the message's arguments are boxed: a plan builds regressors of thousands of days by the
        // hundred thousand.
        for (int t = 0; t < values.length; t++) {
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "regressor %s: value %s is %s; every value must be a finite number",
                        name,
                        t + 1,
                        values[t]));
            }
            if (kind == Kind.DRIVER && !(values[t] > 0)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "driver %s: value %s is %s; driver values must be positive",
                        name,
                        t + 1,
                        values[t]));
            }
        }
        this.values = values.clone();
    }

    /** An event that is on ({@code 1}) or off ({@code 0}) at each step. */
    public static Regressor event(String name, double[] indicator) {
        return new Regressor(name, Kind.EVENT, indicator);
    }

    /**
     * A change of the trend's slope after step {@code step}, over {@code length} steps of a series of {@code
     * observations}: 0 up to it, then the time since it on the trend's own scale (1 over the observations), so its
     * coefficient adds to the trend's slope.
     */
    public static Regressor trendChange(String name, int step, int observations, int length) {
        checkArgument(observations > 1, "a trend change needs at least 2 observations, got %s", observations);
        double[] values = new double[length];
        for (int t = step + 1; t < length; t++) {
            values[t] = (double) (t - step) / (observations - 1);
        }
        return new Regressor(name, Kind.TREND_CHANGE, values);
    }

    /** A traffic driver's values (positive) at each step. */
    public static Regressor driver(String name, double[] values) {
        return new Regressor(name, Kind.DRIVER, values);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The number of steps covered, from the series' first observation. */
    public int length() {
        return values.length;
    }

    /** The value at step {@code t} (0 = the series' first observation). */
    public double value(int t) {
        return values[t];
    }
}
