package io.fleetcast.forecast.seasonal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Map;

/**
 * The M4 competition's recipe for non-seasonal methods on seasonal data: when the {@linkplain SeasonalityTest
 * seasonality test} finds a cycle at the series' shortest period (and every value is positive), take it out by
 * {@linkplain ClassicalDecomposition#multiplicative classical multiplicative decomposition}, forecast the adjusted
 * series with another method, and put the cycle back into the forecast and its intervals. Otherwise the other method
 * sees the series as it is.
 */
public final class SeasonallyAdjustedForecaster implements Forecaster {
    private final String name;
    private final Forecaster adjusted;

    /** Forecasts the seasonally adjusted series with {@code adjusted}; reports itself as {@code name}. */
    public SeasonallyAdjustedForecaster(String name, Forecaster adjusted) {
        this.name = requireNonNull(name, "name is null");
        this.adjusted = requireNonNull(adjusted, "adjusted is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        int period = series.primaryPeriod();
        boolean seasonal = isPositive(values) && SeasonalityTest.isSeasonal(values, period);
        Map<String, Double> parameters = ImmutableMap.of("period", (double) period, "seasonal", seasonal ? 1.0 : 0.0);
        if (!seasonal) {
            Forecast plain = adjusted.forecast(Series.of(values), horizon);
            return plain.withProvenance(plain.provenance().within(name, parameters));
        }
        ClassicalDecomposition decomposition = ClassicalDecomposition.multiplicative(values, period);
        Forecast plain = adjusted.forecast(Series.of(decomposition.adjust(values)), horizon);
        int n = values.length;
        return plain.map(
                plain.provenance().within(name, parameters), (step, value) -> decomposition.reseason(value, n + step));
    }

    private static boolean isPositive(double[] values) {
        for (double value : values) {
            if (!(value > 0)) {
                return false;
            }
        }
        return true;
    }
}
