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
    private final DesignCache cache;
    private final boolean intervals;

    /** A forecaster with a cache of its own, which its forecasts from several origins (a backtest's) share. */
    public RegressionForecaster(RegressionModel model, List<Regressor> regressors) {
        this(model, regressors, 0, null, new DesignCache(), true);
    }

    private RegressionForecaster(
            RegressionModel model,
            List<Regressor> regressors,
            double eventT,
            @Nullable TrendChangeScan scan,
            DesignCache cache,
            boolean intervals) {
        this.model = requireNonNull(model, "model is null");
        this.regressors = ImmutableList.copyOf(regressors);
        checkArgument(eventT >= 0, "the events' t threshold must not be negative, got %s", eventT);
        this.eventT = eventT;
        this.scan = scan;
        this.cache = requireNonNull(cache, "cache is null");
        this.intervals = intervals;
    }

    /** This forecaster sharing {@code cache} with other fits (many series' forecasts; it does not change results). */
    public RegressionForecaster sharing(DesignCache cache) {
        return new RegressionForecaster(model, regressors, eventT, scan, cache, intervals);
    }

    /**
     * This forecaster's means alone, each interval bound set to its step's mean ({@link RegressionFit#pointForecast}):
     * for backtests that score only the point forecast.
     */
    public RegressionForecaster withoutIntervals() {
        return new RegressionForecaster(model, regressors, eventT, scan, cache, false);
    }

    /**
     * This forecaster keeping only the events whose coefficient is at least {@code t} standard errors from 0 in a first
     * fit (events that have not happened yet stay; they add nothing).
     */
    public RegressionForecaster keepingEventsAbove(double t) {
        return new RegressionForecaster(model, regressors, t, scan, cache, intervals);
    }

    /** This forecaster looking for one change of the trend's slope as {@code scan} says ({@link RegressionModel}). */
    public RegressionForecaster withTrendChange(TrendChangeScan scan) {
        return new RegressionForecaster(
                model, regressors, eventT, requireNonNull(scan, "scan is null"), cache, intervals);
    }

    @Override
    public String name() {
        return "Regression";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        RegressionFit fit = scan == null
                ? model.fit(values, regressors, eventT, cache)
                : model.fit(values, regressors, eventT, scan, values.length + horizon, cache);
        return intervals ? fit.forecast(horizon) : fit.pointForecast(horizon);
    }
}
