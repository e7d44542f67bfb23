package io.fleetcast.forecast.seasonal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import java.util.LinkedHashMap;
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
        if (!seasonal) {
            return relabel(adjusted.forecast(Series.of(values), horizon), period, false);
        }
        ClassicalDecomposition decomposition = ClassicalDecomposition.multiplicative(values, period);
        Forecast plain = adjusted.forecast(Series.of(decomposition.adjust(values)), horizon);
        int n = values.length;
        double[] mean = plain.mean();
        double[] lower80 = plain.lower80();
        double[] upper80 = plain.upper80();
        double[] lower95 = plain.lower95();
        double[] upper95 = plain.upper95();
        for (int step = 0; step < horizon; step++) {
            int index = n + step;
            mean[step] = decomposition.reseason(mean[step], index);
            lower80[step] = decomposition.reseason(lower80[step], index);
            upper80[step] = decomposition.reseason(upper80[step], index);
            lower95[step] = decomposition.reseason(lower95[step], index);
            upper95[step] = decomposition.reseason(upper95[step], index);
        }
        return Forecast.of(provenance(plain, period, true), mean, lower80, upper80, lower95, upper95);
    }

    private Forecast relabel(Forecast forecast, int period, boolean seasonal) {
        return Forecast.of(
                provenance(forecast, period, seasonal),
                forecast.mean(),
                forecast.lower80(),
                forecast.upper80(),
                forecast.lower95(),
                forecast.upper95());
    }

    /** The inner method's provenance under this name, with the period and whether the cycle was taken out. */
    private Provenance provenance(Forecast inner, int period, boolean seasonal) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("period", (double) period);
        parameters.put("seasonal", seasonal ? 1.0 : 0.0);
        parameters.putAll(inner.provenance().parameters());
        return new Provenance(
                name + "[" + inner.provenance().model() + "]",
                ImmutableMap.copyOf(parameters),
                inner.provenance().trainingObservations());
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
