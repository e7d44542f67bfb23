package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * L2-penalised logistic regression, the linear baseline failure models are compared with. Features are standardised
 * with the training rows' mean and standard deviation; a missing value (NaN) is the mean (0 once standardised); a
 * feature that never varies gets no weight. Fitted by Newton's method (iteratively reweighted least squares) on the
 * penalised, weighted log-likelihood; the intercept is not penalised.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private final ImmutableList<String> features;
    private final double[] means;
    private final double[] deviations;
    /** Intercept first, then one coefficient per standardised feature. */
    private final double[] coefficients;

    private LogisticRegression(List<String> features, double[] means, double[] deviations, double[] coefficients) {
        this.features = ImmutableList.copyOf(features);
        this.means = means;
        this.deviations = deviations;
        this.coefficients = coefficients;
    }

    /**
     * Fits on {@code matrix}'s rows with 0/1 {@code targets} and {@code weights}.
     *
     * @param l2 the penalty λ on the standardised coefficients: the objective is the weighted log-likelihood minus
     *     λ/2 times their squared sum
     */
    public static LogisticRegression fit(FeatureMatrix matrix, double[] targets, double[] weights, double l2) {
        int rows = matrix.rows();
        int columns = matrix.columns();
        checkArgument(targets.length == rows && weights.length == rows, "one target and weight per row");
        checkArgument(l2 >= 0, "l2 must be >= 0, got %s", l2);
        double[] means = new double[columns];
        double[] deviations = new double[columns];
        for (int f = 0; f < columns; f++) {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (int r = 0; r < rows; r++) {
                double value = matrix.get(r, f);
                if (!Double.isNaN(value)) {
                    sum += value;
                    squares += value * value;
                    count++;
                }
            }
            means[f] = count == 0 ? 0 : sum / count;
            double variance = count < 2 ? 0 : (squares - count * means[f] * means[f]) / (count - 1);
            deviations[f] = variance > 1e-24 ? Math.sqrt(variance) : 0;
        }
        LogisticRegression start = new LogisticRegression(matrix.names(), means, deviations, new double[columns + 1]);
        double[][] x = new double[rows][];
        for (int r = 0; r < rows; r++) {
            x[r] = start.standardised(matrix.row(r));
        }
        int size = columns + 1;
        double[] beta = new double[size];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double[][] hessian = new double[size][size];
            for (int r = 0; r < rows; r++) {
                double eta = beta[0];
                for (int f = 0; f < columns; f++) {
                    eta += beta[f + 1] * x[r][f];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double residual = weights[r] * (targets[r] - p);
                double curvature = weights[r] * Math.max(p * (1 - p), 1e-12);
                gradient[0] += residual;
                hessian[0][0] += curvature;
                for (int i = 0; i < columns; i++) {
                    double xi = x[r][i];
                    if (xi == 0) {
                        continue;
                    }
                    gradient[i + 1] += residual * xi;
                    hessian[0][i + 1] += curvature * xi;
                    for (int j = i; j < columns; j++) {
                        hessian[i + 1][j + 1] += curvature * xi * x[r][j];
                    }
                }
            }
            for (int i = 1; i < size; i++) {
                gradient[i] -= l2 * beta[i];
                // A feature without spread stays at 0: its row and column are the identity.
                hessian[i][i] += deviations[i - 1] > 0 ? l2 : 1;
                for (int j = 0; j < i; j++) {
                    hessian[i][j] = hessian[j][i];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int i = 0; i < size; i++) {
                beta[i] += step[i];
                largest = Math.max(largest, Math.abs(step[i]));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return new LogisticRegression(matrix.names(), means, deviations, beta);
    }

    public ImmutableList<String> features() {
        return features;
    }

    /** The probability of 1 for {@code row}. */
    public double predict(double[] row) {
        checkArgument(row.length == features.size(), "row has %s values for %s features", row.length, features.size());
        double[] z = standardised(row);
        double eta = coefficients[0];
        for (int f = 0; f < z.length; f++) {
            eta += coefficients[f + 1] * z[f];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /** The coefficient of each feature per standard deviation, on the log-odds scale. */
    public double coefficient(String feature) {
        int index = features.indexOf(feature);
        checkArgument(index >= 0, "no feature named %s", feature);
        return coefficients[index + 1];
    }

    public double intercept() {
        return coefficients[0];
    }

    private double[] standardised(double[] row) {
        double[] z = new double[row.length];
        for (int f = 0; f < row.length; f++) {
            z[f] = Double.isNaN(row[f]) || deviations[f] == 0 ? 0 : (row[f] - means[f]) / deviations[f];
        }
        return z;
    }

    /** Solves the symmetric positive definite system {@code a x = b} by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
