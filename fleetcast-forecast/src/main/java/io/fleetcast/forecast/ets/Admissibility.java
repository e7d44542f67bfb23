package io.fleetcast.forecast.ets;

import io.fleetcast.forecast.linear.SchurCohn;

/**
 * The admissible parameter space of seasonal ETS models (Hyndman, Akram and Archibald 2008, "The admissible parameter
 * space for exponential smoothing models", Annals of the Institute of Statistical Mathematics; Hyndman et al. 2008,
 * chapter 10): the weights for which the model forecasts with a discounting of the past, i.e. every root of its
 * characteristic polynomial lies inside the unit circle. R's {@code ets} requires it together with the usual bounds
 * (its default {@code bounds = "both"}). For non-seasonal models the usual bounds already lie inside it.
 */
final class Admissibility {
    /** Roots may reach the unit circle by this much (rounding). */
    private static final double TOLERANCE = 1e-10;

    private Admissibility() {}

    /**
     * Whether a seasonal model with these weights (beta 0 without trend, phi 1 without damping) and period {@code m}
     * is admissible.
     */
    static boolean isAdmissible(double alpha, double beta, double gamma, double phi, int m) {
        if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        // The characteristic polynomial, lowest power first: c0 + c1 z + ... + c(m+1) z^(m+1), c(m+1) = 1.
        double[] c = new double[m + 2];
        c[0] = phi * (1 - alpha - gamma);
        c[1] = alpha + beta - alpha * phi + gamma - 1;
        for (int k = 2; k < m; k++) {
            c[k] = alpha + beta - alpha * phi;
        }
        c[m] = alpha + beta - phi;
        c[m + 1] = 1;
        // Its roots lie within radius r exactly when those of the reversed polynomial z^(m+1) P(1/z) = 1 + c(m) z + ...
        // + c0 z^(m+1), written 1 - sum a_k z^k with a_k = -c(m+1-k), lie outside 1/r.
        double[] reversed = new double[m + 1];
        for (int k = 1; k <= m + 1; k++) {
            reversed[k - 1] = -c[m + 1 - k];
        }
        return SchurCohn.hasRootsOutside(reversed, 1 / (1 + TOLERANCE));
    }
}
