package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

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
        DRIVER
    }

    private final String name;
    private final Kind kind;
    private final double[] values;

    private Regressor(String name, Kind kind, double[] values) {
        this.name = requireNonNull(name, "name is null");
        this.kind = requireNonNull(kind, "kind is null");
        for (int t = 0; t < values.length; t++) {
            checkArgument(
                    Double.isFinite(values[t]),
                    "regressor %s: value %s is %s; every value must be a finite number",
                    name,
                    t + 1,
                    values[t]);
            checkArgument(
                    kind != Kind.DRIVER || values[t] > 0,
                    "driver %s: value %s is %s; driver values must be positive",
                    name,
                    t + 1,
                    values[t]);
        }
        this.values = values.clone();
    }

    /** An event that is on ({@code 1}) or off ({@code 0}) at each step. */
    public static Regressor event(String name, double[] indicator) {
        return new Regressor(name, Kind.EVENT, indicator);
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
