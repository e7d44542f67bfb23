package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.backtest.Backtest;
import io.fleetcast.forecast.backtest.BacktestPlan;
import io.fleetcast.forecast.backtest.BacktestResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sample of demand forecast errors {@code horizon} days ahead, as a rolling-origin backtest measures them: actual
 * minus point forecast, either in the resource's unit ({@link Form#ABSOLUTE}) or as a fraction of the point forecast
 * ({@link Form#RELATIVE}, which follows a growing demand). Headroom sizing uses the sample as it is; no distribution is
 * assumed.
 *
 * @param method the forecasting method that made the errors, for provenance
 * @param form whether the values are in the unit or fractions of the forecast
 * @param horizon days ahead the errors were measured, at least 1
 * @param values the errors, finite, at least one
 */
public record ForecastErrors(String method, Form form, int horizon, ImmutableList<Double> values) {
    /** How the errors are expressed. */
    public enum Form {
        /** Actual minus forecast, in the resource's unit. */
        ABSOLUTE,
        /** (Actual minus forecast) / forecast: a fraction of the point forecast. */
        RELATIVE
    }

    public ForecastErrors {
        requireNonNull(method, "method is null");
        requireNonNull(form, "form is null");
        if (horizon < 1) {
            throw new IllegalArgumentException("the error horizon must be at least 1 day, got " + horizon);
        }
        values = ImmutableList.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("headroom sizing needs at least one forecast error, got none");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException(
                        "forecast error " + (i + 1) + " is " + values.get(i) + "; every error must be finite");
            }
        }
    }

    /** Errors read back from elsewhere (a stored backtest), made by {@code method}. */
    public static ForecastErrors of(String method, Form form, int horizon, List<Double> values) {
        return new ForecastErrors(method, form, horizon, ImmutableList.copyOf(values));
    }

    /**
     * The errors of {@code forecaster} exactly {@code horizon} steps (days) ahead on {@code demand}, from a
     * rolling-origin {@link Backtest} whose origins are {@code step} days apart, the last one {@code horizon} days
     * before the end of the history: one error per origin, as many origins as the history allows up to {@code
     * maximumOrigins}. With {@code step} 1 the windows overlap, so neighbouring errors are correlated; the sample still
     * shows the error distribution at that horizon, which is what the quantile needs.
     *
     * @throws IllegalArgumentException if the history has no room for one origin (it must be longer than the horizon
     *     plus one season), if {@code form} is relative and a forecast is not positive, or if the method cannot fit
     *     the shortest training window (the message says why)
     */
    public static ForecastErrors backtest(
            Forecaster forecaster, Series demand, int horizon, int maximumOrigins, int step, Form form) {
        requireNonNull(forecaster, "forecaster is null");
        requireNonNull(form, "form is null");
        if (horizon < 1 || maximumOrigins < 1 || step < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "horizon, origins and step must be at least 1, got %d, %d and %d",
                    horizon,
                    maximumOrigins,
                    step));
        }
        // Backtest.fits needs the earliest origin past the first season.
        int room = demand.length() - horizon - demand.primaryPeriod() - 1;
        if (room < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "errors %d days ahead need more than %d days of history, got %d",
                    horizon,
                    horizon + demand.primaryPeriod(),
                    demand.length()));
        }
        int origins = Math.min(maximumOrigins, room / step + 1);
        BacktestResult result;
        try {
            result = Backtest.run(forecaster, demand, new BacktestPlan(horizon, origins, step));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s cannot be backtested at %d origins %d days apart: %s",
                            forecaster.name(),
                            origins,
                            step,
                            e.getMessage()),
                    e);
        }
        ImmutableList.Builder<Double> errors = ImmutableList.builder();
        for (BacktestResult.Fold fold : result.folds()) {
            double actual = fold.actual()[horizon - 1];
            double forecast = fold.forecast().mean(horizon - 1);
            switch (form) {
                case ABSOLUTE -> errors.add(actual - forecast);
                case RELATIVE -> {
                    if (!(forecast > 0)) {
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "relative errors need positive forecasts; %s forecast %s from origin %d",
                                forecaster.name(),
                                forecast,
                                fold.origin()));
                    }
                    errors.add((actual - forecast) / forecast);
                }
            }
        }
        return new ForecastErrors(forecaster.name(), form, horizon, errors.build());
    }

    /** The errors in the unit, sorted ascending: relative errors are multiplied by {@code demandP50}. */
    double[] sortedAmounts(double demandP50) {
        double[] amounts = new double[values.size()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = switch (form) {
                case ABSOLUTE -> values.get(i);
                case RELATIVE -> values.get(i) * demandP50;
            };
        }
        Arrays.sort(amounts);
        return amounts;
    }
}
