package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Arrays;

/**
 * A traffic driver's values through the forecast horizon: its own forecast appended to its history, and user
 * scenarios on top ("daily active users +20% by June").
 */
public final class DriverPaths {
    private DriverPaths() {}

    /** The driver's history followed by {@code forecaster}'s point forecast of it for {@code horizon} steps. */
    public static double[] extended(double[] history, int horizon, Forecaster forecaster, int... seasonalPeriods) {
        double[] forecast = forecaster
                .forecast(Series.of(history, seasonalPeriods), horizon)
                .mean();
        double[] path = Arrays.copyOf(history, history.length + horizon);
        System.arraycopy(forecast, 0, path, history.length, horizon);
        return path;
    }

    /**
     * The path changed by {@code change} (0.2 for +20%, -0.1 for -10%), ramping linearly from no change at step {@code
     * from} to the full change at step {@code to} and holding it after; steps before {@code from} are unchanged.
     * Steps count from the path's first value.
     */
    public static double[] scenario(double[] path, int from, int to, double change) {
        checkArgument(
                from >= 0 && from <= to,
                "a scenario ramps from step %s to step %s; it needs 0 <= from <= to",
                from,
                to);
        checkArgument(change > -1, "a change of %s would make the driver zero or negative", change);
        double[] changed = path.clone();
        for (int t = from; t < path.length; t++) {
            double share = to == from ? 1 : Math.min(1, (double) (t - from) / (to - from));
            changed[t] = path[t] * (1 + change * share);
        }
        return changed;
    }
}
