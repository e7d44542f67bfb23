package io.fleetcast.forecast.backtest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.metric.Accuracy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The folds of one method's backtest on one series, and their scores averaged over the folds. Scaled figures (MASE,
 * scaled bias and widths) divide by the in-sample one-step seasonal naive error of each fold's training window, so
 * they can be averaged across series of different sizes.
 */
public record BacktestResult(String method, ImmutableList<Fold> folds) {
    /**
     * One fold: the training window's length ({@code origin}), what happened after it, the forecast, and the scale of
     * its training window (the seasonal naive method's in-sample mean absolute error, in the series' unit; 0 for a
     * constant history).
     */
    public static final class Fold {
        private final int origin;
        private final double[] actual;
        private final Forecast forecast;
        private final double scale;

        public Fold(int origin, double[] actual, Forecast forecast, double scale) {
            this.origin = origin;
            this.actual = actual.clone();
            this.forecast = requireNonNull(forecast, "forecast is null");
            this.scale = scale;
        }

        public int origin() {
            return origin;
        }

        public double[] actual() {
            return actual.clone();
        }

        public Forecast forecast() {
            return forecast;
        }

        public double scale() {
            return scale;
        }

        /** The number of steps forecast. */
        public int horizon() {
            return actual.length;
        }

        /** Mean absolute error over the scale; infinite for a constant history that the forecast then misses. */
        double mase() {
            return meanAbsoluteError() / scale;
        }

        double meanAbsoluteError() {
            double[] mean = forecast.mean();
            double sum = 0;
            for (int i = 0; i < actual.length; i++) {
                sum += Math.abs(actual[i] - mean[i]);
            }
            return sum / actual.length;
        }

        /** Mean of forecast minus actual, in the series' unit: positive when the method over-forecasts. */
        double bias() {
            double[] mean = forecast.mean();
            double sum = 0;
            for (int i = 0; i < actual.length; i++) {
                sum += mean[i] - actual[i];
            }
            return sum / actual.length;
        }

        static double meanWidth(double[] lower, double[] upper) {
            double sum = 0;
            for (int i = 0; i < lower.length; i++) {
                sum += upper[i] - lower[i];
            }
            return sum / lower.length;
        }
    }

    public BacktestResult {
        requireNonNull(method, "method is null");
        folds = ImmutableList.copyOf(folds);
    }

    /**
     * Every fold's errors (actual minus point forecast), the folds in the order of their origins: for the plan's
     * non-overlapping folds, one error per held-out observation, oldest first.
     */
    public double[] errors() {
        List<Fold> byOrigin = new ArrayList<>(folds);
        byOrigin.sort(Comparator.comparingInt(Fold::origin));
        double[] errors = new double[byOrigin.stream().mapToInt(Fold::horizon).sum()];
        int at = 0;
        for (Fold fold : byOrigin) {
            double[] mean = fold.forecast().mean();
            for (int step = 0; step < mean.length; step++) {
                errors[at++] = fold.actual[step] - mean[step];
            }
        }
        return errors;
    }

    /** Mean absolute scaled error over every fold's horizon. */
    public double mase() {
        return average(Fold::mase);
    }

    /** Symmetric mean absolute percentage error, in percent. */
    public double smape() {
        return average(fold -> Accuracy.smape(fold.actual, fold.forecast().mean()));
    }

    /** Mean of forecast minus actual, in the series' unit: positive when the method over-forecasts. */
    public double bias() {
        return average(Fold::bias);
    }

    /** The bias over the scale, comparable across series. */
    public double scaledBias() {
        return average(fold -> fold.bias() / fold.scale());
    }

    /** Share of actual values inside the 80% interval, between 0 and 1. */
    public double coverage80() {
        return average(fold -> Accuracy.coverage(
                fold.actual, fold.forecast().lower80(), fold.forecast().upper80()));
    }

    /** Share of actual values inside the 95% interval, between 0 and 1. */
    public double coverage95() {
        return average(fold -> Accuracy.coverage(
                fold.actual, fold.forecast().lower95(), fold.forecast().upper95()));
    }

    /** Mean width of the 80% interval, in the series' unit. */
    public double width80() {
        return average(fold ->
                Fold.meanWidth(fold.forecast().lower80(), fold.forecast().upper80()));
    }

    /** Mean width of the 95% interval, in the series' unit. */
    public double width95() {
        return average(fold ->
                Fold.meanWidth(fold.forecast().lower95(), fold.forecast().upper95()));
    }

    /** Mean width of the 95% interval over the scale, comparable across series. */
    public double scaledWidth95() {
        return average(fold ->
                Fold.meanWidth(fold.forecast().lower95(), fold.forecast().upper95()) / fold.scale());
    }

    private double average(ToDoubleFunction<Fold> score) {
        double sum = 0;
        for (Fold fold : folds) {
            sum += score.applyAsDouble(fold);
        }
        return sum / folds.size();
    }

    /** The in-sample mean absolute error of the naive forecast at lag {@code lag}. */
    static double naiveError(double[] values, int lag) {
        return values.length > lag ? Accuracy.maseScale(values, lag) : 0;
    }
}
