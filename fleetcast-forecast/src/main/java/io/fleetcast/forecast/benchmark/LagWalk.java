package io.fleetcast.forecast.benchmark;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A random walk at some lag (1 for naive, the seasonal period for seasonal naive), optionally with drift: its
 * forecasts and their standard errors.
 */
final class LagWalk {
    private LagWalk() {}

    /** The residual standard deviation of the walk without drift: root mean square of the lag differences. */
    static double sigma(double[] values, int lag) {
        double sum = 0;
        int count = 0;
        for (int t = lag; t < values.length; t++) {
            double residual = values[t] - values[t - lag];
            sum += residual * residual;
            count++;
        }
        return Math.sqrt(sum / count);
    }

    /** Forecasts that repeat the last {@code lag} observations. */
    static double[] repeatLast(double[] values, int lag, int horizon) {
        checkArgument(horizon >= 1, "the horizon must be at least 1 step, got %s", horizon);
        int n = values.length;
        double[] mean = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            mean[step] = values[n - lag + step % lag];
        }
        return mean;
    }

    /** Standard errors of the walk at {@code lag}: sigma times the square root of the cycles ahead. */
    static double[] standardErrors(double sigma, int lag, int horizon) {
        double[] errors = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            errors[step] = sigma * Math.sqrt(step / lag + 1);
        }
        return errors;
    }

    static void checkLength(String method, double[] values, int needed) {
        checkArgument(
                values.length >= needed, "%s needs at least %s observations, got %s", method, needed, values.length);
    }
}
