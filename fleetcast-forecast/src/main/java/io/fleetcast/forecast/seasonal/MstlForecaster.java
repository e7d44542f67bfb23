package io.fleetcast.forecast.seasonal;

import static java.util.Objects.requireNonNull;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecasts series with one or several seasonal cycles (hourly data with daily and weekly cycles) as R's {@code
 * forecast(mstl(y), method = "ets")} does: {@linkplain Mstl MSTL} takes every cycle out, another method (usually
 * non-seasonal ETS) forecasts the seasonally adjusted series, and each cycle's last period, repeated, is added back to
 * the forecast and its intervals. The intervals therefore hold the adjusted series' uncertainty only.
 */
public final class MstlForecaster implements Forecaster {
    private final String name;
    private final Forecaster adjusted;

    /** Forecasts the seasonally adjusted series with {@code adjusted}; reports itself as {@code name}. */
    public MstlForecaster(String name, Forecaster adjusted) {
        this.name = requireNonNull(name, "name is null");
        this.adjusted = requireNonNull(adjusted, "adjusted is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        Mstl mstl = Mstl.decompose(series.values(), series.seasonalPeriods());
        Forecast plain = adjusted.forecast(Series.of(mstl.adjusted()), horizon);
        Map<String, Double> parameters = new LinkedHashMap<>();
        int[] periods = mstl.periods();
        for (int i = 0; i < periods.length; i++) {
            parameters.put("period" + (i + 1), (double) periods[i]);
        }
        return plain.map(
                plain.provenance().within(name, parameters), (step, value) -> value + mstl.seasonalForecast(step));
    }
}
