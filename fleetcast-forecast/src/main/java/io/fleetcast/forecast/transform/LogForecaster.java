package io.fleetcast.forecast.transform;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;

/**
 * Forecasts the logarithm of a positive series with another method and maps the forecast and its intervals back with
 * the exponential (the Box-Cox transform with lambda 0). Growth and seasonal swings proportional to the level become
 * additive on the log scale. The point forecast is the back-transformed mean of the logs, i.e. the median on the
 * original scale when the log-scale errors are symmetric. A series with a zero or negative value is forecast as it
 * is; the provenance's {@code log} parameter says which was done (1 or 0).
 */
public final class LogForecaster implements Forecaster {
    private final String name;
    private final Forecaster inner;

    /** Forecasts the logs with {@code inner}; reports itself as {@code name}. */
    public LogForecaster(String name, Forecaster inner) {
        this.name = requireNonNull(name, "name is null");
        this.inner = requireNonNull(inner, "inner is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        boolean positive = true;
        for (double value : values) {
            positive &= value > 0;
        }
        if (!positive) {
            Forecast plain = inner.forecast(series, horizon);
            return plain.withProvenance(plain.provenance().within(name, ImmutableMap.of("log", 0.0)));
        }
        double[] logs = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            logs[t] = Math.log(values[t]);
        }
        Forecast onLogs = inner.forecast(Series.of(logs, series.seasonalPeriods()), horizon);
        return onLogs.map(
                onLogs.provenance().within(name, ImmutableMap.of("log", 1.0)), (step, value) -> Math.exp(value));
    }
}
