package io.fleetcast.reliability.distribution;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import org.hipparchus.special.Gamma;

/**
 * A population of two Weibull subpopulations (e.g. a weak batch among sound units): a share p₁ with scale η₁ and shape
 * β₁, the rest with η₂ and β₂, so R(t) = p₁ R₁(t) + (1 − p₁) R₂(t) and f(t) = p₁ f₁(t) + (1 − p₁) f₂(t). Fits report
 * the subpopulations with η₁ ≤ η₂ ({@link #ordered()}); the constructor keeps the order it is given.
 */
public record WeibullMixture(double scale1, double shape1, double scale2, double shape2, double p1)
        implements LifeDistribution {
    public WeibullMixture {
        Checks.positive(scale1, "the first Weibull scale");
        Checks.positive(shape1, "the first Weibull shape");
        Checks.positive(scale2, "the second Weibull scale");
        Checks.positive(shape2, "the second Weibull shape");
        checkArgument(p1 > 0 && p1 < 1, "the first subpopulation's share p1 must be between 0 and 1, got %s", p1);
    }

    /** The same mixture with the subpopulation of the smaller scale first. */
    public WeibullMixture ordered() {
        return scale1 <= scale2 ? this : new WeibullMixture(scale2, shape2, scale1, shape1, 1 - p1);
    }

    /** The first subpopulation's distribution. */
    public Weibull first() {
        return Weibull.of(scale1, shape1);
    }

    /** The second subpopulation's distribution. */
    public Weibull second() {
        return Weibull.of(scale2, shape2);
    }

    @Override
    public String name() {
        return "Weibull_Mixture";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("scale1", scale1, "shape1", shape1, "scale2", scale2, "shape2", shape2, "p1", p1);
    }

    @Override
    public double pdf(double t) {
        return p1 * first().pdf(t) + (1 - p1) * second().pdf(t);
    }

    @Override
    public double logPdf(double t) {
        return TwoWeibulls.logSumExp(Math.log(p1) + first().logPdf(t), Math.log1p(-p1) + second().logPdf(t));
    }

    @Override
    public double cdf(double t) {
        return p1 * first().cdf(t) + (1 - p1) * second().cdf(t);
    }

    @Override
    public double sf(double t) {
        return p1 * first().sf(t) + (1 - p1) * second().sf(t);
    }

    @Override
    public double logSf(double t) {
        return TwoWeibulls.logSumExp(Math.log(p1) + first().logSf(t), Math.log1p(-p1) + second().logSf(t));
    }

    @Override
    public double logCdf(double t) {
        return TwoWeibulls.logSumExp(Math.log(p1) + first().logCdf(t), Math.log1p(-p1) + second().logCdf(t));
    }

    /** The time by which a share p has failed; it lies between the two subpopulations' own quantiles. */
    @Override
    public double quantile(double p) {
        Checks.probability(p);
        double a = first().quantile(p);
        double b = second().quantile(p);
        return TwoWeibulls.quantile(this, p, Math.min(a, b), Math.max(a, b));
    }

    /** p₁ η₁ Γ(1 + 1/β₁) + (1 − p₁) η₂ Γ(1 + 1/β₂). */
    @Override
    public double mean() {
        return p1 * first().mean() + (1 - p1) * second().mean();
    }

    /** E[T²] − E[T]², with E[T²] = Σ pᵢ ηᵢ² Γ(1 + 2/βᵢ). */
    @Override
    public double variance() {
        double second = p1 * secondMoment(scale1, shape1) + (1 - p1) * secondMoment(scale2, shape2);
        double mean = mean();
        return second - mean * mean;
    }

    private static double secondMoment(double scale, double shape) {
        return scale * scale * Math.exp(Gamma.logGamma(1 + 2 / shape));
    }
}
