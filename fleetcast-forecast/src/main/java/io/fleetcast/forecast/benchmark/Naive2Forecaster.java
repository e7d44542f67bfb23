package io.fleetcast.forecast.benchmark;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster;

/**
 * The M4 competition's Naive2: naive forecasts of the series seasonally adjusted as M4 does (see
 * {@link SeasonallyAdjustedForecaster}). The reference against which M4 measures relative accuracy (OWA).
 */
public final class Naive2Forecaster implements Forecaster {
    private final SeasonallyAdjustedForecaster forecaster =
            new SeasonallyAdjustedForecaster("Naive2", new NaiveForecaster());

    @Override
    public String name() {
        return forecaster.name();
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        return forecaster.forecast(series, horizon);
    }
}
