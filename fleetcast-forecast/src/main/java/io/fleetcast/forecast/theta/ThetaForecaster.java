package io.fleetcast.forecast.theta;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.TrendLine;
import io.fleetcast.forecast.ets.EtsEstimator;
import io.fleetcast.forecast.ets.EtsFit;
import io.fleetcast.forecast.ets.EtsModel;

/**
 * The standard Theta method for a series without seasonality: the mean of two "theta lines", the least-squares line
 * through the data (theta = 0), extended, and simple exponential smoothing of the theta = 2 line
 * ({@code 2 y - line}), the curvature of the data doubled. Equivalent to SES with a drift of half the line's slope
 * (Hyndman and Billah 2003). Prediction intervals are those of simple exponential smoothing fitted to the series
 * itself, centred on the Theta forecast, as R's {@code thetaf} computes them. Seasonal series are adjusted first by
 * wrapping this in a {@link io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster}, as M4 did.
 */
public final class ThetaForecaster implements Forecaster {
    private static final EtsModel SES = EtsModel.parse("ANN", 1);

    @Override
    public String name() {
        return "Theta";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] y = series.values();
        int n = y.length;
        // The theta = 0 line: ordinary least squares on t = 1..n.
        TrendLine line = TrendLine.fit(y, n);
        // The theta = 2 line, smoothed.
        double[] thetaTwo = new double[n];
        for (int t = 0; t < n; t++) {
            thetaTwo[t] = 2 * y[t] - line.at(t + 1);
        }
        EtsFit smoothed = EtsEstimator.fit(thetaTwo, SES);
        double[] smoothedForecast = smoothed.forecast(horizon).mean();
        double[] mean = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            mean[step] = 0.5 * smoothedForecast[step] + 0.5 * line.at(n + step + 1);
        }
        EtsFit ses = EtsEstimator.fit(y, SES);
        double[] errors = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            errors[step] = ses.sigma() * Math.sqrt(1 + step * ses.alpha() * ses.alpha());
        }
        Provenance provenance = Provenance.of(
                name(),
                ImmutableMap.of(
                        "slope",
                        line.slope(),
                        "intercept",
                        line.intercept(),
                        "alpha",
                        smoothed.alpha(),
                        "sigma",
                        ses.sigma()),
                n);
        return Forecast.normal(provenance, mean, errors);
    }
}
