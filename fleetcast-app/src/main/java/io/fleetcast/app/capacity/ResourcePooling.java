package io.fleetcast.app.capacity;

import io.fleetcast.forecast.linear.Cholesky;
import java.util.List;

/**
 * A young placement's growths pooled jointly over its resources. Each resource's growth g_r lies about its target t_r
 * (what its neighbours show) with variance τ², and the deviations of one placement's resources from their targets move
 * together as far as established placements show they do: the prior is g ~ N(t, τ² R), R the correlation over
 * resources of established placements' deviations from their cluster's mean. Its own fits are y ~ N(g, V), V the
 * diagonal of their slopes' variances. The posterior mean t + τ²R (τ²R + V)⁻¹ (y − t) lets a resource whose own months
 * say little (cpu, whose few months' rise may be part of a yearly swing) learn from a sibling's that say more (storage
 * without a swing) as far as the fleet shows the two move together; where they do not (R the identity) it is each
 * resource's own w y + (1 − w) t, w = τ² / (τ² + v).
 */
final class ResourcePooling {
    /** Fewer established placements than this showing a pair of resources: the pair counts as unrelated. */
    static final int MIN_PAIRS = 5;

    private ResourcePooling() {}

    /**
     * The correlation between resources' deviations, one row per established placement and one column per resource
     * (NaN where it has none): each pair over the placements that have both, 0 with fewer than {@value #MIN_PAIRS}; the
     * diagonal is 1. The deviations are from their clusters' means, so they are not centred again.
     */
    static double[][] correlation(List<double[]> deviations, int resources) {
        double[][] r = new double[resources][resources];
        for (int a = 0; a < resources; a++) {
            r[a][a] = 1;
            for (int b = a + 1; b < resources; b++) {
                double ab = 0;
                double aa = 0;
                double bb = 0;
                int pairs = 0;
                for (double[] row : deviations) {
                    if (!Double.isNaN(row[a]) && !Double.isNaN(row[b])) {
                        ab += row[a] * row[b];
                        aa += row[a] * row[a];
                        bb += row[b] * row[b];
                        pairs++;
                    }
                }
                double value = pairs >= MIN_PAIRS && aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
                r[a][b] = value;
                r[b][a] = value;
            }
        }
        return r;
    }

    /**
     * The posterior means of one placement's growths: {@code own} its fits' growths with their {@code variance}, {@code
     * target} its neighbours', {@code spread} τ², {@code correlation} R over these resources. Each resource pooled on its
     * own where τ²R + V is not positive definite.
     */
    static double[] posterior(double[] own, double[] variance, double[] target, double spread, double[][] correlation) {
        int n = own.length;
        double[][] prior = new double[n][n];
        double[][] total = new double[n][n];
        double[][] deviation = new double[n][1];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                prior[a][b] = spread * correlation[a][b];
                total[a][b] = prior[a][b];
            }
            total[a][a] += variance[a];
            deviation[a][0] = own[a] - target[a];
        }
        double[] growth = new double[n];
        Cholesky cholesky = Cholesky.decompose(total).orElse(null);
        if (cholesky == null) {
            for (int a = 0; a < n; a++) {
                double weight = spread / (spread + variance[a]);
                growth[a] = weight * own[a] + (1 - weight) * target[a];
            }
            return growth;
        }
        double[][] solved = cholesky.solve(deviation);
        for (int a = 0; a < n; a++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                sum += prior[a][b] * solved[b][0];
            }
            growth[a] = target[a] + sum;
        }
        return growth;
    }
}
