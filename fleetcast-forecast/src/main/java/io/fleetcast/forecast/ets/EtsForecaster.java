package io.fleetcast.forecast.ets;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Optional;

/**
 * Exponential smoothing: the ETS model with the lowest AICc among those the series supports, or one given model.
 * Seasonality uses the series' shortest seasonal period.
 */
public final class EtsForecaster implements Forecaster {
    private final Optional<String> modelCode;

    private EtsForecaster(Optional<String> modelCode) {
        this.modelCode = modelCode;
    }

    /** Chooses the model by AICc. */
    public static EtsForecaster automatic() {
        return new EtsForecaster(Optional.empty());
    }

    /** Always fits the model with this code, e.g. {@code "AAdN"}. */
    public static EtsForecaster of(String modelCode) {
        EtsModel.parse(modelCode, 2);
        return new EtsForecaster(Optional.of(modelCode));
    }

    @Override
    public String name() {
        return modelCode.map(code -> "ETS(" + code + ")").orElse("ETS");
    }

    /** The fit {@link #forecast} forecasts from. */
    public EtsFit fit(Series series) {
        double[] values = series.values();
        int period = series.primaryPeriod();
        if (modelCode.isPresent()) {
            return EtsEstimator.fit(values, EtsModel.parse(modelCode.orElseThrow(), period));
        }
        return EtsEstimator.select(values, period);
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        return fit(series).forecast(horizon);
    }
}
