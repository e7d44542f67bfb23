package io.fleetcast.forecast.ets;

import static com.google.common.base.Preconditions.checkArgument;

/** Ordinary least squares for a handful of columns, by the normal equations and Gaussian elimination. */
final class LeastSquares {
    private LeastSquares() {}

    /** The coefficients b minimising |X b - y|^2; {@code rows[i]} is row i of X. */
    static double[] solve(double[][] rows, double[] y) {
        int k = rows[0].length;
        checkArgument(
                rows.length >= k, "least squares with %s columns needs at least %s rows, got %s", k, k, rows.length);
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    a[p][q] += rows[i][p] * rows[i][q];
                }
                a[p][k] += rows[i][p] * y[i];
            }
        }
        for (int column = 0; column < k; column++) {
            int pivot = column;
            for (int r = column + 1; r < k; r++) {
                if (Math.abs(a[r][column]) > Math.abs(a[pivot][column])) {
                    pivot = r;
                }
            }
            double[] swap = a[column];
            a[column] = a[pivot];
            a[pivot] = swap;
            checkArgument(Math.abs(a[column][column]) > 1e-12, "the regression columns are collinear");
            for (int r = 0; r < k; r++) {
                if (r != column) {
                    double factor = a[r][column] / a[column][column];
                    for (int c = column; c <= k; c++) {
                        a[r][c] -= factor * a[column][c];
                    }
                }
            }
        }
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = a[i][k] / a[i][i];
        }
        return b;
    }
}
