package io.fleetcast.forecast.metric;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Point-forecast accuracy as the M4 competition measures it (Makridakis, Spiliotis and Assimakopoulos, "The M4
 * Competition: 100,000 time series and 61 forecasting methods", IJF 2020).
 */
public final class Accuracy {
    private Accuracy() {}

    /**
     * Symmetric mean absolute percentage error, in percent: {@code 200/h * sum |y - f| / (|y| + |f|)}. A step where
     * both the actual and the forecast are 0 counts as exact.
     */
    public static double smape(double[] actual, double[] forecast) {
        checkSameLength(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            if (denominator > 0) {
                sum += Math.abs(actual[i] - forecast[i]) / denominator;
            }
        }
        return 200 * sum / actual.length;
    }

    /**
     * Mean absolute scaled error: the forecast's mean absolute error divided by the in-sample mean absolute error of
     * the seasonal naive method at lag {@code period} (1 for none).
     *
     * @throws IllegalArgumentException when the in-sample seasonal naive errors are all zero (the scale is undefined)
     */
    public static double mase(double[] history, double[] actual, double[] forecast, int period) {
        checkSameLength(actual, forecast);
        double scale = maseScale(history, period);
        checkArgument(scale > 0, "MASE is undefined: the history's lag-%s differences are all zero", period);
        double error = 0;
        for (int i = 0; i < actual.length; i++) {
            error += Math.abs(actual[i] - forecast[i]);
        }
        return error / actual.length / scale;
    }

    /**
     * MASE's scale: the in-sample mean absolute error of the seasonal naive method at lag {@code period} (1 for none),
     * in the series' unit; 0 when the history repeats exactly.
     */
    public static double maseScale(double[] history, int period) {
        checkArgument(period >= 1, "the period must be at least 1, got %s", period);
        checkArgument(
                history.length > period,
                "MASE at lag %s needs more than %s observations in the history, got %s",
                period,
                period,
                history.length);
        double scale = 0;
        for (int t = period; t < history.length; t++) {
            scale += Math.abs(history[t] - history[t - period]);
        }
        return scale / (history.length - period);
    }

    /**
     * Overall weighted average: the mean of a method's sMAPE and MASE, each relative to the reference method's
     * (Naive2 in M4) on the same series.
     */
    public static double owa(double smape, double mase, double referenceSmape, double referenceMase) {
        return (smape / referenceSmape + mase / referenceMase) / 2;
    }

    /** The share of {@code actual} values inside their interval {@code [lower, upper]}, between 0 and 1. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        checkSameLength(actual, lower);
        checkSameLength(actual, upper);
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }

    private static void checkSameLength(double[] actual, double[] forecast) {
        checkArgument(
                actual.length == forecast.length && actual.length > 0,
                "need as many forecasts as actual values (and at least one), got %s and %s",
                forecast.length,
                actual.length);
    }
}
