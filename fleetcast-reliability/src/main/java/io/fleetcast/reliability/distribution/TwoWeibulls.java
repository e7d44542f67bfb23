package io.fleetcast.reliability.distribution;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * What the distributions of two Weibull subpopulations or failure modes share: ln(e^a + e^b) without overflow, the
 * quantile by a bracketing root search, and moments by numerical integration of the reliability.
 */
final class TwoWeibulls {
    /** The 16-point Gauss–Legendre rule on [−1, 1], copied once out of Hipparchus's factory. */
    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(16);

    private TwoWeibulls() {}

    /** ln(e^a + e^b), exact when either is −∞. */
    static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /**
     * The time t in [{@code low}, {@code high}] with F(t) = p, by Brent's method on ln t over ln F(t) − ln p (or, above
     * the median, ln R(t) − ln(1 − p), so both tails keep their relative accuracy). The bracket must hold the answer.
     */
    static double quantile(LifeDistribution d, double p, double low, double high) {
        Checks.probability(p);
        if (!(high > low)) {
            return low;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        BrentSolver solver = new BrentSolver(1e-15, 1e-15, 1e-300);
        double logLow = Math.log(low) - 1e-9;
        double logHigh = Math.log(high) + 1e-9;
        double root = solver.solve(
                1000, x -> p < 0.5 ? d.logCdf(Math.exp(x)) - logP : logQ - d.logSf(Math.exp(x)), logLow, logHigh);
        return Math.exp(root);
    }

    /**
     * ∫₀^∞ t^(power − 1) R(t) dt, the moment E[T^power] / power, by Gauss–Legendre rules on pieces of [0, end]:
     * geometric pieces near 0 (where a shape below 1 makes R steep) and even ones after; R must be negligible past
     * {@code end}.
     */
    static double integrateReliability(LifeDistribution d, int power, double end) {
        double sum = 0;
        int geometric = 40;
        int even = 64;
        double start = end / even;
        double from = 0;
        for (int i = geometric; i >= 0; i--) {
            double to = start * Math.scalb(1.0, -i);
            sum += piece(d, power, from, to);
            from = to;
        }
        for (int i = 1; i <= even; i++) {
            double to = start + (end - start) * i / even;
            sum += piece(d, power, from, to);
            from = to;
        }
        return sum;
    }

    private static double piece(LifeDistribution d, int power, double from, double to) {
        if (!(to > from)) {
            return 0;
        }
        double half = (to - from) / 2;
        double middle = (to + from) / 2;
        double sum = 0;
        for (int i = 0; i < RULE.getNumberOfPoints(); i++) {
            double t = middle + half * RULE.getPoint(i);
            sum += RULE.getWeight(i) * Math.pow(t, power - 1) * d.sf(t);
        }
        return sum * half;
    }
}
