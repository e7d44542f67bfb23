package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/** Exponential with rate λ and location γ (0 for the 1-parameter form): R(t) = exp(−λ (t − γ)) for t > γ. */
public record Exponential(double rate, double location) implements LifeDistribution {
    public Exponential {
        Checks.positive(rate, "the exponential rate");
        Checks.finite(location, "the exponential location");
    }

    @Override
    public String name() {
        return location == 0 ? "Exponential_1P" : "Exponential_2P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return location == 0 ? ImmutableMap.of("rate", rate) : ImmutableMap.of("rate", rate, "location", location);
    }

    @Override
    public double pdf(double t) {
        return t < location ? 0 : rate * Math.exp(-rate * (t - location));
    }

    @Override
    public double logPdf(double t) {
        return t < location ? Double.NEGATIVE_INFINITY : Math.log(rate) - rate * (t - location);
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
        return -rate * Math.max(0, t - location);
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return location - Math.log1p(-p) / rate;
    }

    @Override
    public double mean() {
        return location + 1 / rate;
    }

    @Override
    public double variance() {
        return 1 / (rate * rate);
    }
}
