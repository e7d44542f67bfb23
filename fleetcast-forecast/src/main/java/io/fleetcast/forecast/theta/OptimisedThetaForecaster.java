package io.fleetcast.forecast.theta;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.TrendLine;
import io.fleetcast.forecast.optimize.Minimum;
import io.fleetcast.forecast.optimize.NelderMead;

/**
 * The optimised Theta method (Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler 2016, "Models for optimising the
 * theta method and their relationship to state space models", IJF), for a series without seasonality: the theta line
 * {@code Z = theta y + (1 - theta) line} is smoothed by simple exponential smoothing and combined with the least-squares
 * line as {@code (1 - 1/theta) line + (1/theta) SES(Z)}. Theta (at least 1), the smoothing weight and the initial level
 * minimise the in-sample one-step squared error of that combination; theta = 2 is the standard Theta method. The line
 * is fitted once to the whole series (the static variant). Prediction intervals are normal with the combination's
 * one-step residual standard deviation growing as SES's, {@code sigma sqrt(1 + (h - 1) alpha^2)}.
 */
public final class OptimisedThetaForecaster implements Forecaster {
    /** Observations needed: a line and a smoothing weight need a few more than three. */
    public static final int MINIMUM_LENGTH = 4;

    private static final double MAXIMUM_THETA = 100;

    @Override
    public String name() {
        return "OptimisedTheta";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] y = series.values();
        int n = y.length;
        checkArgument(n >= MINIMUM_LENGTH, "optimised Theta needs at least %s observations, got %s", MINIMUM_LENGTH, n);
        TrendLine line = TrendLine.fit(y, n);
        double spread = 0;
        for (double value : y) {
            spread = Math.max(spread, Math.abs(value - y[0]));
        }
        double scale = spread > 0 ? spread : 1;
        // Parameters: theta - 1 (via its square, so theta >= 1), alpha (via a logistic map), initial level.
        NelderMead optimizer = new NelderMead(1e-10, 2000);
        Minimum best = optimizer.minimize(
                p -> squaredError(y, line, theta(p[0]), alpha(p[1]), p[2] * scale),
                new double[] {1, 0, y[0] / scale},
                new double[] {0.5, 1, 0.1});
        double theta = theta(best.point()[0]);
        double alpha = alpha(best.point()[1]);
        double initialLevel = best.point()[2] * scale;
        double[] run = smooth(y, line, theta, alpha, initialLevel);
        double sumOfSquares = run[0];
        double level = run[1];
        double sigma = Math.sqrt(sumOfSquares / (n - 1));
        double[] mean = new double[horizon];
        double[] errors = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            mean[step] = (1 - 1 / theta) * line.at(n + step + 1) + level / theta;
            errors[step] = sigma * Math.sqrt(1 + step * alpha * alpha);
        }
        Provenance provenance = Provenance.of(
                name(),
                ImmutableMap.of(
                        "theta", theta,
                        "alpha", alpha,
                        "initialLevel", initialLevel,
                        "slope", line.slope(),
                        "intercept", line.intercept(),
                        "sigma", sigma),
                n);
        return Forecast.normal(provenance, mean, errors);
    }

    private static double theta(double parameter) {
        return Math.min(MAXIMUM_THETA, 1 + parameter * parameter);
    }

    private static double alpha(double parameter) {
        return 0.0001 + 0.9998 / (1 + Math.exp(-parameter));
    }

    /** The in-sample one-step squared error of the combination. */
    static double squaredError(double[] y, TrendLine line, double theta, double alpha, double initialLevel) {
        return smooth(y, line, theta, alpha, initialLevel)[0];
    }

    /** Runs the combination through the series: its one-step squared error and the final level of SES on Z. */
    private static double[] smooth(double[] y, TrendLine line, double theta, double alpha, double initialLevel) {
        double level = initialLevel;
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double trend = line.at(t + 1);
            double fitted = (1 - 1 / theta) * trend + level / theta;
            sum += (y[t] - fitted) * (y[t] - fitted);
            level += alpha * (theta * y[t] + (1 - theta) * trend - level);
        }
        return new double[] {sum, level};
    }
}
