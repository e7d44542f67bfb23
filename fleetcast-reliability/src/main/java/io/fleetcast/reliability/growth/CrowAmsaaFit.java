package io.fleetcast.reliability.growth;

import static java.util.Objects.requireNonNull;

import io.fleetcast.reliability.distribution.StandardNormal;
import io.fleetcast.reliability.fit.LifeFit.Bounded;
import java.util.OptionalDouble;

/**
 * A fitted Crow-AMSAA model. Times are cumulative operating time in the data's unit; rates are per that unit, per
 * system.
 *
 * @param lambda λ, the scale: expected failures of a system by time t are λ t^β
 * @param beta β, the shape (maximum likelihood): below 1 reliability grows, above 1 it deteriorates
 * @param unbiasedBeta β corrected for its small-sample bias, where the exact theory gives it: (n − 2) / n × β for one
 *     system stopped at its last failure, (n − 1) / n × β for systems stopped at a common time
 * @param lambdaBounds λ with Fisher-matrix bounds
 * @param betaBounds β with Crow's exact χ² bounds ({@code boundsMethod} "crow") or Fisher-matrix bounds ("fisher")
 * @param boundsMethod how β's bounds were found
 * @param failures the failures fitted
 * @param end the end of observation (the latest system end), where the MTBFs are quoted
 * @param logLikelihood the log-likelihood at the estimates
 * @param trendStatistic the statistic of the test of no growth (β = 1): 2 Σ ln(end / t) for the exact case, χ² with
 *     {@code trendDegreesOfFreedom}; otherwise the likelihood-ratio statistic with 1 degree of freedom
 * @param trendDegreesOfFreedom its degrees of freedom
 * @param trendPValue the two-sided p-value: how likely a trend this strong is without growth or deterioration
 * @param confidence the two-sided confidence level of the bounds
 * @param lambdaVariance Var(λ̂) from the observed information
 * @param betaVariance Var(β̂)
 * @param covariance Cov(λ̂, β̂)
 */
public record CrowAmsaaFit(
        double lambda,
        double beta,
        OptionalDouble unbiasedBeta,
        Bounded lambdaBounds,
        Bounded betaBounds,
        String boundsMethod,
        long failures,
        double end,
        double logLikelihood,
        double trendStatistic,
        int trendDegreesOfFreedom,
        double trendPValue,
        double confidence,
        double lambdaVariance,
        double betaVariance,
        double covariance) {
    public CrowAmsaaFit {
        requireNonNull(unbiasedBeta, "unbiasedBeta is null");
        requireNonNull(lambdaBounds, "lambdaBounds is null");
        requireNonNull(betaBounds, "betaBounds is null");
        requireNonNull(boundsMethod, "boundsMethod is null");
    }

    /** The growth rate 1 − β with the bounds that β's give. */
    public Bounded growthRate() {
        return new Bounded(1 - beta, 1 - betaBounds.upper(), 1 - betaBounds.lower());
    }

    /** The expected failures of one system by time {@code t}, λ t^β. */
    public double expectedFailures(double t) {
        return lambda * Math.pow(t, beta);
    }

    /** The failure intensity at {@code t}, λ β t^(β−1) failures per time unit. */
    public double intensity(double t) {
        return lambda * beta * Math.pow(t, beta - 1);
    }

    /** The instantaneous MTBF at {@code t}, 1 / intensity: the MTBF of the configuration as it is at t. */
    public Bounded instantaneousMtbf(double t) {
        double ln = Math.log(t);
        return logNormalBounds(1 / intensity(t), -1 / lambda, -1 / beta - ln);
    }

    /** The cumulative MTBF at {@code t}, t / (λ t^β): the mean time between all failures so far. */
    public Bounded cumulativeMtbf(double t) {
        return logNormalBounds(t / expectedFailures(t), -1 / lambda, -Math.log(t));
    }

    /**
     * The failures one system can be expected to have between cumulative times {@code from} and {@code to}, λ (to^β −
     * from^β), with Fisher bounds: what a further test, or the next period in service, will bring.
     */
    public Bounded expectedFailures(double from, double to) {
        if (!(to > from) || !(from >= 0)) {
            throw new IllegalArgumentException("need 0 <= from < to, got " + from + " and " + to);
        }
        double powerTo = Math.pow(to, beta);
        double powerFrom = from == 0 ? 0 : Math.pow(from, beta);
        double width = powerTo - powerFrom;
        double derivative = powerTo * Math.log(to) - (from == 0 ? 0 : powerFrom * Math.log(from));
        return logNormalBounds(lambda * width, 1 / lambda, derivative / width);
    }

    /** Bounds on a positive quantity q from the gradient of ln q in (λ, β), by the delta method. */
    private Bounded logNormalBounds(double estimate, double dLambda, double dBeta) {
        double variance =
                dLambda * dLambda * lambdaVariance + 2 * dLambda * dBeta * covariance + dBeta * dBeta * betaVariance;
        double spread = Math.exp(StandardNormal.twoSided(confidence) * Math.sqrt(Math.max(0, variance)));
        return new Bounded(estimate, estimate / spread, estimate * spread);
    }
}
