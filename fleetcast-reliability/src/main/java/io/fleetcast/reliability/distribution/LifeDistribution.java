package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/**
 * A probability distribution of the time to failure. Times are in the data's unit; the reliability (survival) R(t) is
 * the probability of working past t. Implementations are immutable.
 */
public interface LifeDistribution {
    /** The family's name, e.g. {@code Weibull_2P}. */
    String name();

    /** The parameters by Fleetcast's names ({@code scale}, {@code shape}, {@code location}, ...), in order. */
    ImmutableMap<String, Double> parameters();

    /** The probability density at {@code t}. */
    double pdf(double t);

    /** The probability of failing by {@code t}, F(t). */
    double cdf(double t);

    /** The reliability (survival) R(t) = 1 − F(t): the probability of working past {@code t}. */
    default double sf(double t) {
        return 1 - cdf(t);
    }

    /** ln f(t); −∞ where the density is 0. */
    default double logPdf(double t) {
        return Math.log(pdf(t));
    }

    /** ln R(t), accurate in the far tail where R(t) rounds to 1 − F(t) badly. */
    default double logSf(double t) {
        return Math.log(sf(t));
    }

    /** ln F(t). */
    default double logCdf(double t) {
        return Math.log(cdf(t));
    }

    /** The hazard (instantaneous failure rate) h(t) = f(t) / R(t). */
    default double hazard(double t) {
        return Math.exp(logPdf(t) - logSf(t));
    }

    /** The cumulative hazard H(t) = −ln R(t). */
    default double cumulativeHazard(double t) {
        return -logSf(t);
    }

    /** The time by which a share {@code p} (0 < p < 1) has failed: B10 life is {@code quantile(0.10)}. */
    double quantile(double p);

    /** The mean life (MTTF); infinite where it does not exist. */
    double mean();

    /** The variance of the life; infinite where it does not exist. */
    double variance();

    /** The reliability over a further {@code mission} for a unit that has survived to {@code age}: R(age + t) / R(age). */
    default double conditionalReliability(double mission, double age) {
        return Math.exp(logSf(age + mission) - logSf(age));
    }
}
