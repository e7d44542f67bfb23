package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Arrays;

/**
 * A rolling-origin backtest of one method on one series (Tashman 2000): at each origin of a {@link BacktestPlan} the
 * method is fitted to the observations before the origin and its forecast is compared with the observations after it.
 */
public final class Backtest {
    private Backtest() {}

    /** Whether {@code series} is long enough for {@code plan}: more than one season before the earliest origin. */
    public static boolean fits(Series series, BacktestPlan plan) {
        return plan.origin(series.length(), 0) > series.primaryPeriod();
    }

    /**
     * Backtests {@code forecaster} on {@code series}.
     *
     * @throws IllegalArgumentException when the series is too short for the plan (it must be longer than the held-out
     *     part plus one season) or the method cannot fit the shortest training window (the method's message says why)
     */
    public static BacktestResult run(Forecaster forecaster, Series series, BacktestPlan plan) {
        int n = series.length();
        checkArgument(
                fits(series, plan),
                "a backtest with %s folds of %s steps (%s apart) needs more than %s observations, got %s",
                plan.folds(),
                plan.horizon(),
                plan.step(),
                plan.heldOut() + series.primaryPeriod(),
                n);
        double[] values = series.values();
        int[] periods = series.seasonalPeriods();
        ImmutableList.Builder<BacktestResult.Fold> folds = ImmutableList.builder();
        for (int fold = 0; fold < plan.folds(); fold++) {
            int origin = plan.origin(n, fold);
            double[] training = Arrays.copyOf(values, origin);
            double[] actual = Arrays.copyOfRange(values, origin, origin + plan.horizon());
            Forecast forecast = forecaster.forecast(Series.of(training, usable(periods, origin)), plan.horizon());
            folds.add(new BacktestResult.Fold(origin, actual, forecast, scale(training, series.primaryPeriod())));
        }
        return new BacktestResult(forecaster.name(), folds.build());
    }

    /** The seasonal periods a training window this long can still show at least twice. */
    private static int[] usable(int[] periods, int length) {
        return Arrays.stream(periods).filter(period -> 2 * period < length).toArray();
    }

    /** MASE's scale at the training window's seasonal lag, or at lag 1 when that lag repeats exactly. */
    private static double scale(double[] training, int period) {
        double seasonal = period < training.length ? BacktestResult.naiveError(training, period) : 0;
        return seasonal > 0 ? seasonal : BacktestResult.naiveError(training, 1);
    }
}
