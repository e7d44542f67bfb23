package io.fleetcast.forecast;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The least-squares line through the first observations of a series, against time t = 1, 2, ...: {@code intercept}
 * is its value at t = 0, before the first observation.
 */
public record TrendLine(double intercept, double slope) {
    /** The line through {@code y[0..count)}. */
    public static TrendLine fit(double[] y, int count) {
        checkArgument(count >= 2 && count <= y.length, "a line needs 2 to %s observations, got %s", y.length, count);
        double meanT = (count + 1) / 2.0;
        double meanY = 0;
        for (int t = 0; t < count; t++) {
            meanY += y[t] / count;
        }
        double covariance = 0;
        double variance = 0;
        for (int t = 0; t < count; t++) {
            double dt = t + 1 - meanT;
            covariance += dt * (y[t] - meanY);
            variance += dt * dt;
        }
        double slope = covariance / variance;
        return new TrendLine(meanY - slope * meanT, slope);
    }

    /** The line's value at time {@code t} (1 = the first observation). */
    public double at(double t) {
        return intercept + slope * t;
    }
}
