package io.fleetcast.forecast.linear;

/**
 * Where a polynomial's roots lie, without finding them: the Schur-Cohn step-down recursion (the Durbin-Levinson
 * recursion run backwards). {@code 1 - sum a_k z^k} has every root outside the unit circle exactly when every
 * reflection coefficient the recursion produces lies inside (-1, 1).
 */
public final class SchurCohn {
    private SchurCohn() {}

    /** True when every root of {@code 1 - sum_{k=1..p} a_k z^k} ({@code a_k = coefficients[k - 1]}) lies outside radius. */
    public static boolean hasRootsOutside(double[] coefficients, double radius) {
        int p = coefficients.length;
        double[] a = new double[p];
        double scale = 1;
        for (int k = 0; k < p; k++) {
            scale *= radius;
            a[k] = coefficients[k] * scale;
        }
        double[] work = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double reflection = a[j];
            if (!(Math.abs(reflection) < 1)) {
                return false;
            }
            double denominator = 1 - reflection * reflection;
            for (int k = 0; k < j; k++) {
                work[k] = (a[k] + reflection * a[j - 1 - k]) / denominator;
            }
            System.arraycopy(work, 0, a, 0, j);
        }
        return true;
    }
}
