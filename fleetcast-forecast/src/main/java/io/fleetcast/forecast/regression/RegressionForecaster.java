package io.fleetcast.forecast.regression;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The regression model as a {@link Forecaster}, with its regressors fixed: they are indexed from the series' first
 * observation, so backtests (which forecast from earlier origins of the same series) see the same events and drivers.
 *
 * <p>Optionally ({@link #keepingEventsAbove}) it keeps only the events the series shows: an event whose coefficient is
 * within {@code t} standard errors of none ({@link RegressionFit#standardError}) is dropped and the rest refitted. One
 * or two occurrences of a holiday on a noisy series otherwise leave a lift of a few percent that is only noise, and
 * the forecast carries it onto the next occurrence.
 */
public final class RegressionForecaster implements Forecaster {
    private final RegressionModel model;
    private final ImmutableList<Regressor> regressors;
    private final double eventT;
    private final @Nullable TrendChangeScan scan;

    public RegressionForecaster(RegressionModel model, List<Regressor> regressors) {
        this(model, regressors, 0, null);
    }

    private RegressionForecaster(
            RegressionModel model, List<Regressor> regressors, double eventT, @Nullable TrendChangeScan scan) {
        this.model = requireNonNull(model, "model is null");
        this.regressors = ImmutableList.copyOf(regressors);
        checkArgument(eventT >= 0, "the events' t threshold must not be negative, got %s", eventT);
        this.eventT = eventT;
        this.scan = scan;
    }

    /**
     * This forecaster keeping only the events whose coefficient is at least {@code t} standard errors from 0 in a first
     * fit (events that have not happened yet stay; they add nothing).
     */
    public RegressionForecaster keepingEventsAbove(double t) {
        return new RegressionForecaster(model, regressors, t, scan);
    }

    /** This forecaster looking for one change of the trend's slope as {@code scan} says ({@link RegressionModel}). */
    public RegressionForecaster withTrendChange(TrendChangeScan scan) {
        return new RegressionForecaster(model, regressors, eventT, requireNonNull(scan, "scan is null"));
    }

    @Override
    public String name() {
        return "Regression";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        RegressionFit fit = scan == null
                ? model.fit(values, regressors, eventT)
                : model.fit(values, regressors, eventT, scan, values.length + horizon);
        return fit.forecast(horizon);
    }
}
