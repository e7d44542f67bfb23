package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/**
 * Gumbel of the smallest extreme value, location μ and scale σ: R(t) = exp(−e^((t − μ) / σ)). The logarithm of a
 * Weibull life has this distribution; on its own it fits lives that fail mostly late.
 */
public record Gumbel(double mu, double sigma) implements LifeDistribution {
    private static final double EULER = 0.5772156649015329;

    public Gumbel {
        Checks.finite(mu, "the Gumbel mu");
        Checks.positive(sigma, "the Gumbel sigma");
    }

    @Override
    public String name() {
        return "Gumbel_2P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("mu", mu, "sigma", sigma);
    }

    @Override
    public double pdf(double t) {
        return Math.exp(logPdf(t));
    }

    @Override
    public double logPdf(double t) {
        double z = (t - mu) / sigma;
        return z - Math.exp(z) - Math.log(sigma);
    }

    @Override
    public double cdf(double t) {
        return -Math.expm1(-Math.exp((t - mu) / sigma));
    }

    @Override
    public double sf(double t) {
        return Math.exp(logSf(t));
    }

    @Override
    public double logSf(double t) {
        return -Math.exp((t - mu) / sigma);
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return mu + sigma * Math.log(-Math.log1p(-p));
    }

    @Override
    public double mean() {
        return mu - EULER * sigma;
    }

    @Override
    public double variance() {
        return Math.PI * Math.PI * sigma * sigma / 6;
    }
}
