package io.fleetcast.forecast.regression;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.List;

/**
 * The regression model as a {@link Forecaster}, with its regressors fixed: they are indexed from the series' first
 * observation, so backtests (which forecast from earlier origins of the same series) see the same events and drivers.
 */
public final class RegressionForecaster implements Forecaster {
    private final RegressionModel model;
    private final ImmutableList<Regressor> regressors;

    public RegressionForecaster(RegressionModel model, List<Regressor> regressors) {
        this.model = requireNonNull(model, "model is null");
        this.regressors = ImmutableList.copyOf(regressors);
    }

    @Override
    public String name() {
        return "Regression";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        return model.fit(series.values(), regressors).forecast(horizon);
    }
}
