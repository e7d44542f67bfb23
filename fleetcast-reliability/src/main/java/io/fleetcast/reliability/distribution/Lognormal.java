package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/** Lognormal: ln(t − γ) is normal with mean μ and standard deviation σ (γ = 0 for the 2-parameter form). */
public record Lognormal(double mu, double sigma, double location) implements LifeDistribution {
    public Lognormal {
        Checks.finite(mu, "the lognormal mu");
        Checks.positive(sigma, "the lognormal sigma");
        Checks.finite(location, "the lognormal location");
    }

    @Override
    public String name() {
        return location == 0 ? "Lognormal_2P" : "Lognormal_3P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return location == 0
                ? ImmutableMap.of("mu", mu, "sigma", sigma)
                : ImmutableMap.of("mu", mu, "sigma", sigma, "location", location);
    }

    private double z(double t) {
        return (Math.log(t - location) - mu) / sigma;
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
        return StandardNormal.logPdf(z(t)) - Math.log(sigma * (t - location));
    }

    @Override
    public double cdf(double t) {
        return t <= location ? 0 : StandardNormal.cdf(z(t));
    }

    @Override
    public double sf(double t) {
        return t <= location ? 1 : StandardNormal.cdf(-z(t));
    }

    @Override
    public double logSf(double t) {
        return t <= location ? 0 : StandardNormal.logCdf(-z(t));
    }

    @Override
    public double logCdf(double t) {
        return t <= location ? Double.NEGATIVE_INFINITY : StandardNormal.logCdf(z(t));
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return location + Math.exp(mu + sigma * StandardNormal.quantile(p));
    }

    @Override
    public double mean() {
        return location + Math.exp(mu + sigma * sigma / 2);
    }

    @Override
    public double variance() {
        return Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma);
    }
}
