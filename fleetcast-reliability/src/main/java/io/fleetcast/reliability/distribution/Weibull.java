package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;
import org.hipparchus.special.Gamma;

/**
 * Weibull with scale η, shape β and location γ (0 for the 2-parameter form): R(t) = exp(−((t − γ) / η)^β) for t > γ.
 */
public record Weibull(double scale, double shape, double location) implements LifeDistribution {
    public Weibull {
        Checks.positive(scale, "the Weibull scale");
        Checks.positive(shape, "the Weibull shape");
        Checks.finite(location, "the Weibull location");
    }

    /** The 2-parameter Weibull (location 0). */
    public static Weibull of(double scale, double shape) {
        return new Weibull(scale, shape, 0);
    }

    @Override
    public String name() {
        return location == 0 ? "Weibull_2P" : "Weibull_3P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return location == 0
                ? ImmutableMap.of("scale", scale, "shape", shape)
                : ImmutableMap.of("scale", scale, "shape", shape, "location", location);
    }

    private double z(double t) {
        return Math.max(0, t - location) / scale;
    }

    @Override
    public double pdf(double t) {
        return t <= location ? 0 : Math.exp(logPdf(t));
    }

    @Override
    public double logPdf(double t) {
        if (t <= location) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = z(t);
        return Math.log(shape / scale) + (shape - 1) * Math.log(z) - Math.pow(z, shape);
    }

    @Override
    public double cdf(double t) {
        return -Math.expm1(-Math.pow(z(t), shape));
    }

    @Override
    public double sf(double t) {
        return Math.exp(logSf(t));
    }

    @Override
    public double logSf(double t) {
        return -Math.pow(z(t), shape);
    }

    @Override
    public double logCdf(double t) {
        return Math.log(cdf(t));
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return location + scale * Math.pow(-Math.log1p(-p), 1 / shape);
    }

    @Override
    public double mean() {
        return location + scale * Math.exp(Gamma.logGamma(1 + 1 / shape));
    }

    @Override
    public double variance() {
        double first = Math.exp(Gamma.logGamma(1 + 1 / shape));
        return scale * scale * (Math.exp(Gamma.logGamma(1 + 2 / shape)) - first * first);
    }
}
