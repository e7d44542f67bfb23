package io.fleetcast.forecast.linear;

import java.util.Optional;

/**
 * The Cholesky factor L of a symmetric positive definite matrix A = L Lᵀ, and solves with it. Dense and small: normal
 * equations of regressions and covariances of hierarchies, up to a few hundred rows.
 */
public final class Cholesky {
    /**
     * A pivot below this fraction of its own diagonal entry counts as zero: A is not positive definite. The fraction is
     * 1 − R² of that row on the rows before it, so the test does not depend on the rows' scales (a covariance of series
     * in cores and in thousands of cores).
     */
    private static final double RELATIVE_PIVOT_TOLERANCE = 1e-12;

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /** The factor of {@code a} (only its lower triangle is read), or empty when {@code a} is not positive definite. */
    public static Optional<Cholesky> decompose(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
            }
            if (!(pivot > RELATIVE_PIVOT_TOLERANCE * a[j][j])) {
                return Optional.empty();
            }
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = sum / l[j][j];
            }
        }
        return Optional.of(new Cholesky(l));
    }

    /** X = A⁻¹ B for B with one row per row of A and any number of columns. */
    public double[][] solve(double[][] b) {
        int n = lower.length;
        int columns = b[0].length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = b[i].clone();
        }
        for (int c = 0; c < columns; c++) {
            for (int i = 0; i < n; i++) {
                double sum = x[i][c];
                for (int k = 0; k < i; k++) {
                    sum -= lower[i][k] * x[k][c];
                }
                x[i][c] = sum / lower[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double sum = x[i][c];
                for (int k = i + 1; k < n; k++) {
                    sum -= lower[k][i] * x[k][c];
                }
                x[i][c] = sum / lower[i][i];
            }
        }
        return x;
    }

    /** x = A⁻¹ b for one right-hand side. */
    public double[] solve(double[] b) {
        double[][] column = new double[b.length][1];
        for (int i = 0; i < b.length; i++) {
            column[i][0] = b[i];
        }
        double[][] x = solve(column);
        double[] result = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            result[i] = x[i][0];
        }
        return result;
    }
}
