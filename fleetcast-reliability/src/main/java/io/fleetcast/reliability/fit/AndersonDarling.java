package io.fleetcast.reliability.fit;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.nonparametric.MedianRanks;

/**
 * The Anderson–Darling goodness-of-fit statistic of a fitted distribution against the failures' median ranks, as Python
 * {@code reliability} defines it for censored data: with Z₁ ≤ … ≤ Zₙ the fitted F at the n failures and Fᵢ the median
 * rank of the i-th (Benard, Johnson's adjusted ranks among suspensions), the empirical distribution is the step
 * function equal to Fᵢ from Zᵢ to Zᵢ₊₁ (0 before Z₁), and
 *
 * <pre>A² = n ∫ (Fₙ(u) − u)² / (u (1 − u)) du,  u from 0 to 1 − 10⁻¹²</pre>
 *
 * integrated in closed form piece by piece. The upper limit stops short of 1 because median ranks never reach 1, so
 * the integral to 1 diverges. Smaller is better; the statistic ranks candidate fits of the same data (it is not turned
 * into a p-value: its distribution under censoring and estimated parameters is not the textbook one). It is infinite
 * when the fit gives a failure after the first probability 0 (a location at or past it).
 */
public final class AndersonDarling {
    private static final double TOP = 1 - 1e-12;

    private AndersonDarling() {}

    /**
     * A² of {@code distribution} on {@code data}'s failures.
     *
     * @throws IllegalArgumentException for left- or interval-censored data or delayed entry (no median ranks), or data
     *     without failures
     */
    public static double statistic(LifeDistribution distribution, LifeData data) {
        ImmutableList<MedianRanks.Position> positions = MedianRanks.of(data);
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("the Anderson-Darling statistic needs at least one failure");
        }
        return statistic(distribution, positions);
    }

    static double statistic(LifeDistribution distribution, ImmutableList<MedianRanks.Position> positions) {
        int n = positions.size();
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = Math.min(distribution.cdf(positions.get(i).time()), TOP);
        }
        java.util.Arrays.sort(fitted);
        if (fitted[0] <= 0) {
            return Double.POSITIVE_INFINITY; // a step above 0 from u = 0: the integral diverges
        }
        double sum = 0;
        double below = 0;
        double level = 0;
        for (int i = 0; i <= n; i++) {
            double above = i < n ? fitted[i] : TOP;
            sum += piece(level, below, above);
            below = above;
            level = i < n ? positions.get(i).unreliability() : level;
        }
        return n * sum;
    }

    /**
     * ∫ (c − u)² / (u (1 − u)) du from {@code low} to {@code high}: the antiderivative is c² ln(u / (1 − u)) + 2c ln(1 −
     * u) − u − ln(1 − u); the c² term is left out where c = 0 (it would be 0 · ln 0 at u = 0).
     */
    private static double piece(double c, double low, double high) {
        double value =
                -(high - low) - Math.log1p(-high) + Math.log1p(-low) + 2 * c * (Math.log1p(-high) - Math.log1p(-low));
        if (c != 0) {
            value += c * c * (Math.log(high) - Math.log1p(-high) - Math.log(low) + Math.log1p(-low));
        }
        return value;
    }
}
