package io.fleetcast.reliability.growth;

import io.fleetcast.reliability.distribution.StandardNormal;
import io.fleetcast.reliability.fit.LifeFit.Bounded;
import io.fleetcast.reliability.growth.GrowthData.Group;
import io.fleetcast.reliability.growth.GrowthData.SystemRecord;
import java.util.OptionalDouble;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.special.Gamma;

/**
 * The Crow-AMSAA model: failures of a repairable system under development arrive as a power-law non-homogeneous
 * Poisson process, with expected cumulative failures λ t^β by cumulative time t and failure intensity λ β t^(β−1).
 * β below 1 means reliability is growing (failures are getting rarer), above 1 that it is deteriorating.
 *
 * <p>Maximum likelihood for any number of systems, each watched over its own (start, end], or for failures counted in
 * intervals (grouped data): λ has a closed form given β, and β solves the profile score equation. Bounds on β are
 * Crow's exact χ² bounds where they hold (failure times of systems all watched from 0 to the same end, or one system
 * stopped at its last failure), else Fisher-matrix bounds; bounds on λ, MTBFs and expected failures are Fisher-matrix
 * bounds on the log scale.
 */
public final class CrowAmsaa {
    private CrowAmsaa() {}

    /**
     * Fits the model.
     *
     * @param data the failures
     * @param confidence the two-sided confidence level of the bounds, e.g. 0.95
     * @throws IllegalArgumentException for a confidence outside (0, 1) or data whose likelihood has no maximum
     */
    public static CrowAmsaaFit fit(GrowthData data, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        Likelihood likelihood = new Likelihood(data);
        double beta = likelihood.solveBeta();
        double lambda = likelihood.lambda(beta);
        double[][] covariance = likelihood.covariance(lambda, beta);
        long n = data.failureCount();
        double z = StandardNormal.twoSided(confidence);
        boolean exact = isExact(data);
        Bounded betaBounds;
        OptionalDouble unbiased;
        double trendStatistic;
        double trendPValue;
        int trendDegrees;
        if (exact) {
            boolean failureTerminated = data.isFailureTerminated();
            int degrees = (int) (failureTerminated ? 2 * (n - 1) : 2 * n);
            ChiSquaredDistribution chi = new ChiSquaredDistribution(degrees);
            double alpha = 1 - confidence;
            betaBounds = new Bounded(
                    beta,
                    beta * chi.inverseCumulativeProbability(alpha / 2) / (2.0 * n),
                    beta * chi.inverseCumulativeProbability(1 - alpha / 2) / (2.0 * n));
            unbiased = OptionalDouble.of(beta * (failureTerminated ? n - 2 : n - 1) / n);
            // Under no growth (β = 1) the sum of ln(end / t) is Gamma(failures counted, 1): 2 × it is χ².
            trendStatistic = 2.0 * n / beta;
            trendDegrees = degrees;
            double below = chi.cumulativeProbability(trendStatistic);
            trendPValue = Math.min(1, 2 * Math.min(below, 1 - below));
        } else {
            double se = Math.sqrt(covariance[1][1]);
            double spread = Math.exp(z * se / beta);
            betaBounds = new Bounded(beta, beta / spread, beta * spread);
            unbiased = OptionalDouble.empty();
            trendStatistic = Math.max(
                    0,
                    2 * (likelihood.logLikelihood(lambda, beta) - likelihood.logLikelihood(likelihood.lambda(1), 1)));
            trendDegrees = 1;
            trendPValue = 1 - new ChiSquaredDistribution(1).cumulativeProbability(trendStatistic);
        }
        double lambdaSpread = Math.exp(z * Math.sqrt(covariance[0][0]) / lambda);
        return new CrowAmsaaFit(
                lambda,
                beta,
                unbiased,
                new Bounded(lambda, lambda / lambdaSpread, lambda * lambdaSpread),
                betaBounds,
                exact ? "crow" : "fisher",
                n,
                data.end(),
                likelihood.logLikelihood(lambda, beta),
                trendStatistic,
                trendDegrees,
                trendPValue,
                confidence,
                covariance[0][0],
                covariance[1][1],
                covariance[0][1]);
    }

    /** Whether Crow's exact χ² results apply: timed failures of systems all watched from 0 to one common end. */
    private static boolean isExact(GrowthData data) {
        if (data.isGrouped()) {
            return false;
        }
        if (data.isFailureTerminated()) {
            return true;
        }
        double end = data.end();
        return data.systems().stream().allMatch(s -> s.start() == 0 && s.end() == end && !s.isFailureTerminated());
    }

    /** The log-likelihood in (λ, β) and its derivatives. */
    private static final class Likelihood {
        private final GrowthData data;
        private final long failures;
        private final long timed;
        private final double sumLogTimes;
        private final double logFactorials;

        Likelihood(GrowthData data) {
            this.data = data;
            this.failures = data.failureCount();
            long count = 0;
            double sum = 0;
            for (SystemRecord system : data.systems()) {
                for (double t : system.failureTimes()) {
                    sum += Math.log(t);
                    count++;
                }
            }
            double factorials = 0;
            for (Group group : data.groups()) {
                factorials += Gamma.logGamma(group.failures() + 1.0);
            }
            this.timed = count;
            this.sumLogTimes = sum;
            this.logFactorials = factorials;
        }

        /** The λ that maximises the likelihood at {@code beta}: failures / Σ (end^β − start^β). */
        double lambda(double beta) {
            return failures / exposure(beta, 0);
        }

        /** The k-th derivative in β of the exposure Σ (end^β − start^β), for k = 0, 1, 2. */
        private double exposure(double beta, int k) {
            if (data.isGrouped()) {
                return power(data.end(), beta, k);
            }
            double sum = 0;
            for (SystemRecord system : data.systems()) {
                sum += power(system.end(), beta, k) - power(system.start(), beta, k);
            }
            return sum;
        }

        /** d^k/dβ^k of t^β: t^β (ln t)^k, with 0 for t = 0. */
        private static double power(double t, double beta, int k) {
            return t == 0 ? 0 : Math.pow(t, beta) * Math.pow(Math.log(t), k);
        }

        /** The profile score d ln L(λ(β), β) / dβ. */
        private double score(double beta) {
            double score = -failures * exposure(beta, 1) / exposure(beta, 0) + timed / beta + sumLogTimes;
            for (Group group : data.groups()) {
                double width = power(group.upper(), beta, 0) - power(group.lower(), beta, 0);
                score += group.failures() * (power(group.upper(), beta, 1) - power(group.lower(), beta, 1)) / width;
            }
            return score;
        }

        /** β̂: the root of the profile score, which falls from +∞ at β → 0 to negative values for large β. */
        double solveBeta() {
            double low = 1e-3;
            double high = 1;
            while (score(high) > 0) {
                low = high;
                high *= 2;
                if (high > 1e3) {
                    throw new IllegalArgumentException(
                            "the failures are too crowded at the end of the observation to fit a growth model");
                }
            }
            while (score(low) < 0) {
                high = low;
                low /= 2;
                if (low < 1e-9) {
                    throw new IllegalArgumentException(
                            "the failures are too crowded at the start of the observation to fit a growth model");
                }
            }
            return new BrentSolver(1e-14, 1e-13).solve(10_000, this::score, low, high);
        }

        double logLikelihood(double lambda, double beta) {
            double value = timed * (Math.log(lambda) + Math.log(beta))
                    + (beta - 1) * sumLogTimes
                    - lambda * exposure(beta, 0)
                    - logFactorials;
            for (Group group : data.groups()) {
                double width = power(group.upper(), beta, 0) - power(group.lower(), beta, 0);
                value += group.failures() * Math.log(lambda * width);
            }
            return value;
        }

        /** The inverse of the observed information in (λ, β): rows and columns λ then β. */
        double[][] covariance(double lambda, double beta) {
            double lambdaLambda = failures / (lambda * lambda);
            double lambdaBeta = exposure(beta, 1);
            double betaBeta = timed / (beta * beta) + lambda * exposure(beta, 2);
            for (Group group : data.groups()) {
                double width = power(group.upper(), beta, 0) - power(group.lower(), beta, 0);
                double first = (power(group.upper(), beta, 1) - power(group.lower(), beta, 1)) / width;
                double second = (power(group.upper(), beta, 2) - power(group.lower(), beta, 2)) / width;
                betaBeta -= group.failures() * (second - first * first);
            }
            double determinant = lambdaLambda * betaBeta - lambdaBeta * lambdaBeta;
            return new double[][] {
                {betaBeta / determinant, -lambdaBeta / determinant},
                {-lambdaBeta / determinant, lambdaLambda / determinant}
            };
        }
    }
}
