package io.fleetcast.forecast.arima;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Small dense linear systems by Gaussian elimination with partial pivoting. */
final class LinearSystems {
    private LinearSystems() {}

    /**
     * Solves the augmented {@code n x (n + 1)} system in place (rows may be swapped); the solution ends up in column
     * n. False when a pivot is below {@code 1e-14} of the largest entry (numerically singular).
     */
    static boolean solveInPlace(double[][] a, int n) {
        if (!eliminate(a, n, n + 1, false)) {
            return false;
        }
        for (int row = n - 1; row >= 0; row--) {
            double value = a[row][n];
            for (int c = row + 1; c < n; c++) {
                value -= a[row][c] * a[c][n];
            }
            a[row][n] = value / a[row][row];
        }
        return true;
    }

    /**
     * The inverse, or null when the matrix has a non-finite entry or is numerically singular (as R's {@code solve}
     * refuses such systems).
     */
    static double @Nullable [][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    return null;
                }
                a[i][j] = matrix[i][j];
            }
            a[i][n + i] = 1;
        }
        if (!eliminate(a, n, 2 * n, true)) {
            return null;
        }
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = Arrays.copyOfRange(a[i], n, 2 * n);
        }
        return inverse;
    }

    /**
     * Eliminates below the diagonal (and above it too, with unit pivots, when {@code complete}: Gauss-Jordan) over
     * the first {@code width} columns of the first n rows.
     */
    private static boolean eliminate(double[][] a, int n, int width, boolean complete) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(a[i][j]));
            }
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = a[column];
            a[column] = a[pivot];
            a[pivot] = swap;
            double diagonal = a[column][column];
            if (!(Math.abs(diagonal) > 1e-14 * largest)) {
                return false;
            }
            if (complete) {
                for (int c = 0; c < width; c++) {
                    a[column][c] /= diagonal;
                }
                diagonal = 1;
            }
            for (int row = complete ? 0 : column + 1; row < n; row++) {
                double factor = a[row][column] / diagonal;
                if (row != column && factor != 0) {
                    for (int c = column; c < width; c++) {
                        a[row][c] -= factor * a[column][c];
                    }
                }
            }
        }
        return true;
    }
}
