package io.fleetcast.reliability.fit;

import io.fleetcast.reliability.data.LifeData;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * Whether two populations' lives differ: the same family fitted to each and to both together; twice the gain in
 * log-likelihood from fitting them apart is χ²-distributed with as many degrees of freedom as the family has
 * parameters when they do not differ.
 *
 * @param statistic 2 (ln L₁ + ln L₂ − ln L pooled)
 * @param degreesOfFreedom the family's number of parameters
 * @param pValue the probability of a statistic this large if the populations do not differ
 * @param first the fit to the first population
 * @param second the fit to the second
 * @param pooled the fit to both together
 */
public record LikelihoodRatio(
        double statistic, int degreesOfFreedom, double pValue, LifeFit first, LifeFit second, LifeFit pooled) {
    /**
     * Tests whether {@code first} and {@code second} differ under {@code family}.
     *
     * @throws IllegalArgumentException when either has too few failures for the family
     */
    public static LikelihoodRatio test(Family family, LifeData first, LifeData second, double confidence) {
        LifeFit a = MaximumLikelihood.fit(family, first, confidence);
        LifeFit b = MaximumLikelihood.fit(family, second, confidence);
        LifeFit both = MaximumLikelihood.fit(family, LifeData.combine(first, second), confidence);
        double statistic = Math.max(0, 2 * (a.logLikelihood() + b.logLikelihood() - both.logLikelihood()));
        int k = family.parameterNames().size();
        double p = 1 - new ChiSquaredDistribution(k).cumulativeProbability(statistic);
        return new LikelihoodRatio(statistic, k, p, a, b, both);
    }
}
