package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/**
 * A unit with two independent Weibull failure modes in series (competing risks): it fails at the first of the two, so
 * R(t) = R₁(t) R₂(t) = exp(−(t/η₁)^β₁ − (t/η₂)^β₂) and the hazard is h₁(t) + h₂(t). Fits report the modes with
 * η₁ ≤ η₂ ({@link #ordered()}); the constructor keeps the order it is given. The mean and variance are integrals of
 * R, computed numerically.
 */
public record WeibullCompetingRisks(double scale1, double shape1, double scale2, double shape2)
        implements LifeDistribution {
    /** −ln R beyond which the reliability adds nothing to a moment (e^−50 ≈ 2·10⁻²²). */
    private static final double NEGLIGIBLE = 50;

    public WeibullCompetingRisks {
        Checks.positive(scale1, "the first Weibull scale");
        Checks.positive(shape1, "the first Weibull shape");
        Checks.positive(scale2, "the second Weibull scale");
        Checks.positive(shape2, "the second Weibull shape");
    }

    /** The same modes with the one of the smaller scale first. */
    public WeibullCompetingRisks ordered() {
        return scale1 <= scale2 ? this : new WeibullCompetingRisks(scale2, shape2, scale1, shape1);
    }

    /** The first failure mode's distribution (its life were it the only mode). */
    public Weibull first() {
        return Weibull.of(scale1, shape1);
    }

    /** The second failure mode's distribution. */
    public Weibull second() {
        return Weibull.of(scale2, shape2);
    }

    @Override
    public String name() {
        return "Weibull_CR";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("scale1", scale1, "shape1", shape1, "scale2", scale2, "shape2", shape2);
    }

    @Override
    public double pdf(double t) {
        return t <= 0 ? 0 : Math.exp(logPdf(t));
    }

    /** ln(h₁ + h₂) + ln R. */
    @Override
    public double logPdf(double t) {
        if (t <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return logHazard(t) + logSf(t);
    }

    private double logHazard(double t) {
        Weibull a = first();
        Weibull b = second();
        return TwoWeibulls.logSumExp(a.logPdf(t) - a.logSf(t), b.logPdf(t) - b.logSf(t));
    }

    @Override
    public double hazard(double t) {
        return t <= 0 ? 0 : Math.exp(logHazard(t));
    }

    @Override
    public double cdf(double t) {
        return -Math.expm1(logSf(t));
    }

    @Override
    public double sf(double t) {
        return Math.exp(logSf(t));
    }

    @Override
    public double logSf(double t) {
        return first().logSf(t) + second().logSf(t);
    }

    @Override
    public double logCdf(double t) {
        return Math.log(cdf(t));
    }

    /**
     * The time by which a share p has failed: at least the earlier mode's quantile of 1 − √(1 − p) (one of R₁, R₂ is
     * at most √(1 − p) there) and at most the earlier of the modes' own quantiles of p.
     */
    @Override
    public double quantile(double p) {
        Checks.probability(p);
        double split = -Math.expm1(0.5 * Math.log1p(-p));
        double low = Math.min(first().quantile(split), second().quantile(split));
        double high = Math.min(first().quantile(p), second().quantile(p));
        return TwoWeibulls.quantile(this, p, low, high);
    }

    /** ∫₀^∞ R(t) dt. */
    @Override
    public double mean() {
        return TwoWeibulls.integrateReliability(this, 1, end());
    }

    /** 2 ∫₀^∞ t R(t) dt − mean². */
    @Override
    public double variance() {
        double mean = mean();
        return 2 * TwoWeibulls.integrateReliability(this, 2, end()) - mean * mean;
    }

    /** A time past which R is negligible: where the earlier-ending mode alone has ln R = −50. */
    private double end() {
        return Math.min(scale1 * Math.pow(NEGLIGIBLE, 1 / shape1), scale2 * Math.pow(NEGLIGIBLE, 1 / shape2));
    }
}
