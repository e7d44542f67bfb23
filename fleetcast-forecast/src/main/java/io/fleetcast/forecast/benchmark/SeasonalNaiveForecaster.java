package io.fleetcast.forecast.benchmark;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;

/**
 * Every future value is the observation one season earlier (the series' shortest seasonal period; naive when it has
 * none). Needs one season and one more observation.
 */
public final class SeasonalNaiveForecaster implements Forecaster {
    @Override
    public String name() {
        return "sNaive";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        int period = series.primaryPeriod();
        LagWalk.checkLength(name(), values, period + 1);
        double sigma = LagWalk.sigma(values, period);
        return Forecast.normal(
                Provenance.of(name(), ImmutableMap.of("period", (double) period, "sigma", sigma), values.length),
                LagWalk.repeatLast(values, period, horizon),
                LagWalk.standardErrors(sigma, period, horizon));
    }
}
