package io.fleetcast.forecast.auto;

import static java.util.Objects.requireNonNull;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.HashMap;
import java.util.Map;

/**
 * Another method that remembers its forecasts by training length and horizon, for one automatic forecast: every
 * series it sees is then a prefix of the same series (the backtest's training windows and the full series), so a
 * method shared by several candidates (a combination's members are also candidates) fits each window once. Not for
 * use across series.
 */
final class MemoizedForecaster implements Forecaster {
    private final Forecaster inner;
    private final Map<Long, Forecast> forecasts = new HashMap<>();

    MemoizedForecaster(Forecaster inner) {
        this.inner = requireNonNull(inner, "inner is null");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        long key = ((long) series.length() << 32) | horizon;
        Forecast known = forecasts.get(key);
        if (known == null) {
            known = inner.forecast(series, horizon);
            forecasts.put(key, known);
        }
        return known;
    }
}
