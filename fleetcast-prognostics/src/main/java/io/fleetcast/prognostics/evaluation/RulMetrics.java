package io.fleetcast.prognostics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

/** Accuracy of remaining-useful-life predictions, as the prognostics literature reports it. */
public final class RulMetrics {
    private RulMetrics() {}

    /** Root mean squared error, in the targets' unit. */
    public static double rmse(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            sum += error * error;
        }
        return Math.sqrt(sum / actual.length);
    }

    /**
     * The asymmetric score of the 2008 PHM challenge (Saxena et al.): with d = predicted − actual, the sum of
     * exp(−d / 13) − 1 for early predictions (d &lt; 0) and exp(d / 10) − 1 for late ones, so a late prediction costs
     * more than an early one of the same size. Lower is better; 0 is perfect.
     */
    public static double nasaScore(double[] predicted, double[] actual) {
        check(predicted, actual);
        double score = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = predicted[i] - actual[i];
            score += d < 0 ? Math.expm1(-d / 13) : Math.expm1(d / 10);
        }
        return score;
    }

    private static void check(double[] predicted, double[] actual) {
        checkArgument(
                predicted.length == actual.length,
                "%s predictions for %s actual values",
                predicted.length,
                actual.length);
        checkArgument(actual.length > 0, "no predictions to score");
    }
}
