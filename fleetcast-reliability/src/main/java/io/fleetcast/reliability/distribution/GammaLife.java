package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.special.Gamma;

/** Gamma with shape k and scale θ: density t^(k−1) e^(−t/θ) / (Γ(k) θ^k). */
public record GammaLife(double shape, double scale) implements LifeDistribution {
    public GammaLife {
        Checks.positive(shape, "the gamma shape");
        Checks.positive(scale, "the gamma scale");
    }

    @Override
    public String name() {
        return "Gamma_2P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("shape", shape, "scale", scale);
    }

    @Override
    public double pdf(double t) {
        return t <= 0 ? 0 : Math.exp(logPdf(t));
    }

    @Override
    public double logPdf(double t) {
        if (t <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return (shape - 1) * Math.log(t) - t / scale - Gamma.logGamma(shape) - shape * Math.log(scale);
    }

    @Override
    public double cdf(double t) {
        return t <= 0 ? 0 : Gamma.regularizedGammaP(shape, t / scale);
    }

    @Override
    public double sf(double t) {
        return t <= 0 ? 1 : Gamma.regularizedGammaQ(shape, t / scale);
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return new GammaDistribution(shape, scale).inverseCumulativeProbability(p);
    }

    @Override
    public double mean() {
        return shape * scale;
    }

    @Override
    public double variance() {
        return shape * scale * scale;
    }
}
