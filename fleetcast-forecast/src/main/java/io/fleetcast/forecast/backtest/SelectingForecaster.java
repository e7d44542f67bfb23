package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a method per series by a rolling-origin backtest on the horizon asked for: each candidate is backtested on
 * the series ({@code folds} non-overlapping windows of the horizon) and the one with the lowest MASE forecasts it. A
 * candidate that cannot fit a backtest window drops out; when the series is too short for any backtest, the first
 * candidate forecasts it. The provenance names the chosen method and its backtest MASE ({@code NaN} without one); the
 * forecast carries the chosen method's {@linkplain Forecast#backtestErrors() backtest errors}.
 */
public final class SelectingForecaster implements Forecaster {
    private final String name;
    private final ImmutableList<Forecaster> candidates;
    private final int folds;
    private final boolean calibrate;

    /**
     * Chooses among {@code candidates} (the first is the fallback) by a backtest with {@code folds} folds; with {@code
     * calibrate}, the chosen method's intervals are {@linkplain IntervalScales calibrated} on its backtest.
     */
    public SelectingForecaster(String name, List<? extends Forecaster> candidates, int folds, boolean calibrate) {
        this.name = requireNonNull(name, "name is null");
        this.candidates = ImmutableList.copyOf(candidates);
        checkArgument(!this.candidates.isEmpty(), "%s needs at least one candidate method", name);
        checkArgument(folds >= 1, "a backtest needs at least 1 fold, got %s", folds);
        this.folds = folds;
        this.calibrate = calibrate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        Selection selection = select(series, horizon);
        Forecast chosen = selection.best().forecast(series, horizon);
        BacktestResult bestBacktest = selection.backtest();
        if (bestBacktest != null) {
            if (calibrate) {
                Forecast uncalibrated = chosen;
                chosen = IntervalScales.from(bestBacktest)
                        .map(s -> s.apply(uncalibrated))
                        .orElse(chosen);
            }
            chosen = chosen.withBacktestErrors(bestBacktest.errors());
        }
        Map<String, Double> parameters =
                ImmutableMap.of("backtestMase", selection.mase(), "backtestFolds", (double) folds);
        return chosen.withProvenance(chosen.provenance().within(name, parameters));
    }

    /**
     * The candidate that would forecast {@code series} at {@code horizon}, uncalibrated: for callers that run the
     * chosen method again on shorter histories (their own backtests) without choosing again each time.
     */
    public Forecaster choose(Series series, int horizon) {
        return select(series, horizon).best();
    }

    private Selection select(Series series, int horizon) {
        BacktestPlan plan = BacktestPlan.of(horizon, folds);
        Forecaster best = candidates.get(0);
        @Nullable BacktestResult bestBacktest = null;
        double bestMase = Double.NaN;
        if (Backtest.fits(series, plan)) {
            for (Forecaster candidate : candidates) {
                BacktestResult backtest;
                try {
                    backtest = Backtest.run(candidate, series, plan);
                } catch (IllegalArgumentException tooShort) {
                    continue;
                }
                // Undefined MASE (a backtest window whose history does not move) ranks last.
                double mase = Double.isNaN(backtest.mase()) ? Double.POSITIVE_INFINITY : backtest.mase();
                if (bestBacktest == null || mase < bestMase) {
                    best = candidate;
                    bestBacktest = backtest;
                    bestMase = mase;
                }
            }
        }
        return new Selection(best, bestBacktest, bestMase);
    }

    private record Selection(Forecaster best, @Nullable BacktestResult backtest, double mase) {}
}
