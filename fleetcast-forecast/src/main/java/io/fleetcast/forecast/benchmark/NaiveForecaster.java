package io.fleetcast.forecast.benchmark;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;

/** Every future value is the last observed one. Needs 2 observations (one to estimate the error). */
public final class NaiveForecaster implements Forecaster {
    @Override
    public String name() {
        return "Naive";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        LagWalk.checkLength(name(), values, 2);
        double sigma = LagWalk.sigma(values, 1);
        return Forecast.normal(
                Provenance.of(name(), ImmutableMap.of("sigma", sigma), values.length),
                LagWalk.repeatLast(values, 1, horizon),
                LagWalk.standardErrors(sigma, 1, horizon));
    }
}
