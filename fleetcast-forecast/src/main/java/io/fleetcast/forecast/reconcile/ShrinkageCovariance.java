package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The covariance of in-sample one-step forecast errors of every node, shrunk toward its own diagonal (Schäfer and
 * Strimmer, 2005, "A shrinkage approach to large-scale covariance matrix estimation", target D: "diagonal, unequal
 * variance"): W = λ D + (1 − λ) Σ̂, which keeps the variances and shrinks every correlation r̂ᵢⱼ toward 0 by the
 * factor 1 − λ. The intensity λ is the paper's estimate of the optimal one for that target:
 *
 * <pre>
 *   λ = Σᵢ≠ⱼ Var(r̂ᵢⱼ) / Σᵢ≠ⱼ r̂ᵢⱼ²,   clamped to [0, 1].
 * </pre>
 *
 * <p>As in Wickramasuriya, Athanasopoulos and Hyndman (2019) and R's {@code hts} and {@code fabletools}
 * (MinT "shrink"), the errors are taken to have mean zero: Σ̂ = Eᵀ E / T without centring, for T rows of errors E.
 * Then r̂ᵢⱼ is the mean over time of the products wₜᵢⱼ = xₜᵢ xₜⱼ of the errors standardised by their root mean
 * square, and Var(r̂ᵢⱼ) is estimated as the variance of the mean of the wₜᵢⱼ: their sample variance (divisor T − 1)
 * divided by T. When no correlation is left to shrink (one node, or every r̂ᵢⱼ = 0), λ = 1.
 */
final class ShrinkageCovariance {
    private final double lambda;
    private final double[][] covariance;

    private ShrinkageCovariance(double lambda, double[][] covariance) {
        this.lambda = lambda;
        this.covariance = covariance;
    }

    /**
     * The shrunk covariance of {@code errorsByNode[i]}, the errors of node i over time (every node as many, at least 2).
     *
     * @throws IllegalArgumentException when a node's errors are all zero (its variance must be positive), naming it
     *     from {@code nodes}
     */
    static ShrinkageCovariance estimate(List<String> nodes, double[][] errorsByNode) {
        int n = errorsByNode.length;
        int rows = errorsByNode[0].length;
        checkArgument(rows >= 2, "the shrinkage intensity needs at least 2 rows of errors, got %s", rows);
        double[] scale = rootMeanSquares(nodes, errorsByNode);
        double[][] standardized = new double[n][rows];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < rows; t++) {
                standardized[i][t] = errorsByNode[i][t] / scale[i];
            }
        }
        double[][] correlation = new double[n][n];
        double varianceSum = 0;
        double squareSum = 0;
        for (int i = 0; i < n; i++) {
            correlation[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double[] x = standardized[i];
                double[] y = standardized[j];
                double mean = 0;
                for (int t = 0; t < rows; t++) {
                    mean += x[t] * y[t];
                }
                mean /= rows;
                double squaredDeviations = 0;
                for (int t = 0; t < rows; t++) {
                    double deviation = x[t] * y[t] - mean;
                    squaredDeviations += deviation * deviation;
                }
                correlation[i][j] = mean;
                correlation[j][i] = mean;
                varianceSum += squaredDeviations / ((rows - 1.0) * rows);
                squareSum += mean * mean;
            }
        }
        double lambda = squareSum == 0 ? 1 : Math.max(0, Math.min(1, varianceSum / squareSum));
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double shrunk = i == j ? 1 : (1 - lambda) * correlation[i][j];
                covariance[i][j] = shrunk * scale[i] * scale[j];
            }
        }
        return new ShrinkageCovariance(lambda, covariance);
    }

    /**
     * The root mean square of each node's errors, the square roots of the diagonal of Σ̂ (and of D).
     *
     * @throws IllegalArgumentException when a node's errors are all zero, naming it from {@code nodes}
     */
    static double[] rootMeanSquares(List<String> nodes, double[][] errorsByNode) {
        double[] scale = new double[errorsByNode.length];
        for (int i = 0; i < scale.length; i++) {
            double sum = 0;
            for (double error : errorsByNode[i]) {
                sum += error * error;
            }
            scale[i] = Math.sqrt(sum / errorsByNode[i].length);
            checkArgument(
                    scale[i] > 0,
                    "the in-sample errors of node \"%s\" are all zero; its error variance must be positive",
                    nodes.get(i));
        }
        return scale;
    }

    /** The shrinkage intensity λ in [0, 1]: 0 keeps the sample covariance, 1 keeps only its diagonal. */
    double lambda() {
        return lambda;
    }

    /** W, n × n (a fresh copy). */
    double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }
}
