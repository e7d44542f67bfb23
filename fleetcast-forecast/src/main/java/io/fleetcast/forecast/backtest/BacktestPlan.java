package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where a rolling-origin backtest cuts the series: {@code folds} origins, the last {@code horizon} steps before the end
 * of the series, and each earlier one {@code step} steps before the next. Each fold fits the observations before its
 * origin and forecasts the {@code horizon} after it.
 */
public record BacktestPlan(int horizon, int folds, int step) {
    public BacktestPlan {
        checkArgument(horizon >= 1, "the horizon must be at least 1 step, got %s", horizon);
        checkArgument(folds >= 1, "a backtest needs at least 1 fold, got %s", folds);
        checkArgument(step >= 1, "origins must be at least 1 step apart, got %s", step);
    }

    /** {@code folds} origins a horizon apart, so the test windows do not overlap. */
    public static BacktestPlan of(int horizon, int folds) {
        return new BacktestPlan(horizon, folds, horizon);
    }

    /** The observations a backtest of this plan holds out: the test windows of all folds together. */
    public int heldOut() {
        return horizon + (folds - 1) * step;
    }

    /** The origin (number of training observations) of fold {@code fold}, 0 = the earliest, in a series this long. */
    public int origin(int seriesLength, int fold) {
        return seriesLength - horizon - (folds - 1 - fold) * step;
    }
}
