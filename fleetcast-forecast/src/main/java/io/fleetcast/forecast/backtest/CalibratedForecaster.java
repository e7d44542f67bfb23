package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Optional;

/**
 * Another method with its prediction intervals {@linkplain IntervalScales calibrated} on its own backtest on the
 * series: for methods whose intervals are too narrow because they leave some uncertainty out (a decomposition's
 * seasonal estimate, a mis-specified model) or too wide. The point forecast is the method's. When the series is too
 * short for the backtest, the intervals are the method's own and the provenance has no {@code intervalScale80}.
 */
public final class CalibratedForecaster implements Forecaster {
    private final Forecaster inner;
    private final int folds;

    /** Calibrates {@code inner}'s intervals on a backtest of {@code folds} non-overlapping windows of the horizon. */
    public CalibratedForecaster(Forecaster inner, int folds) {
        this.inner = requireNonNull(inner, "inner is null");
        checkArgument(folds >= 1, "a backtest needs at least 1 fold, got %s", folds);
        this.folds = folds;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        Forecast forecast = inner.forecast(series, horizon);
        BacktestPlan plan = BacktestPlan.of(horizon, folds);
        if (!Backtest.fits(series, plan)) {
            return forecast;
        }
        Optional<IntervalScales> scales;
        try {
            scales = IntervalScales.from(Backtest.run(inner, series, plan));
        } catch (IllegalArgumentException tooShort) {
            return forecast;
        }
        return scales.map(s -> s.apply(forecast)).orElse(forecast);
    }
}
