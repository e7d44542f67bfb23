package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/** Normal with mean μ and standard deviation σ (it gives negative lives some probability; fit it to wear-out data). */
public record Normal(double mu, double sigma) implements LifeDistribution {
    public Normal {
        Checks.finite(mu, "the normal mu");
        Checks.positive(sigma, "the normal sigma");
    }

    @Override
    public String name() {
        return "Normal_2P";
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
        return StandardNormal.logPdf((t - mu) / sigma) - Math.log(sigma);
    }

    @Override
    public double cdf(double t) {
        return StandardNormal.cdf((t - mu) / sigma);
    }

    @Override
    public double sf(double t) {
        return StandardNormal.cdf((mu - t) / sigma);
    }

    @Override
    public double logSf(double t) {
        return StandardNormal.logCdf((mu - t) / sigma);
    }

    @Override
    public double logCdf(double t) {
        return StandardNormal.logCdf((t - mu) / sigma);
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return mu + sigma * StandardNormal.quantile(p);
    }

    @Override
    public double mean() {
        return mu;
    }

    @Override
    public double variance() {
        return sigma * sigma;
    }
}
