package io.fleetcast.forecast.benchmark;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;

/**
 * The last value plus the average change per step so far (the line from the first to the last observation, extended).
 * The standard error adds the slope's uncertainty: sigma * sqrt(h * (1 + h / (n - 1))). Needs 3 observations.
 */
public final class DriftForecaster implements Forecaster {
    @Override
    public String name() {
        return "Drift";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        LagWalk.checkLength(name(), values, 3);
        int n = values.length;
        double slope = (values[n - 1] - values[0]) / (n - 1);
        double sumOfSquares = 0;
        for (int t = 1; t < n; t++) {
            double residual = values[t] - values[t - 1] - slope;
            sumOfSquares += residual * residual;
        }
        double sigma = Math.sqrt(sumOfSquares / (n - 2));
        double[] mean = new double[horizon];
        double[] errors = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            int ahead = step + 1;
            mean[step] = values[n - 1] + slope * ahead;
            errors[step] = sigma * Math.sqrt(ahead * (1 + (double) ahead / (n - 1)));
        }
        return Forecast.normal(Provenance.of(name(), ImmutableMap.of("slope", slope, "sigma", sigma), n), mean, errors);
    }
}
