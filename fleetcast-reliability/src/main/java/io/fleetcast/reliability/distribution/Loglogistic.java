package io.fleetcast.reliability.distribution;

import com.google.common.collect.ImmutableMap;

/** Log-logistic with scale α (the median) and shape β: R(t) = 1 / (1 + (t / α)^β). */
public record Loglogistic(double scale, double shape) implements LifeDistribution {
    public Loglogistic {
        Checks.positive(scale, "the log-logistic scale");
        Checks.positive(shape, "the log-logistic shape");
    }

    @Override
    public String name() {
        return "Loglogistic_2P";
    }

    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("scale", scale, "shape", shape);
    }

    /** ln (t / α)^β. */
    private double x(double t) {
        return shape * Math.log(t / scale);
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
        double x = x(t);
        // f = (β / t) e^x / (1 + e^x)^2, written to stay finite for large |x|.
        return Math.log(shape / t) - Math.abs(x) - 2 * Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double cdf(double t) {
        return t <= 0 ? 0 : 1 / (1 + Math.exp(-x(t)));
    }

    @Override
    public double sf(double t) {
        return t <= 0 ? 1 : 1 / (1 + Math.exp(x(t)));
    }

    @Override
    public double logSf(double t) {
        if (t <= 0) {
            return 0;
        }
        double x = x(t);
        return x > 0 ? -x - Math.log1p(Math.exp(-x)) : -Math.log1p(Math.exp(x));
    }

    @Override
    public double logCdf(double t) {
        if (t <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double x = -x(t);
        return x > 0 ? -x - Math.log1p(Math.exp(-x)) : -Math.log1p(Math.exp(x));
    }

    @Override
    public double quantile(double p) {
        Checks.probability(p);
        return scale * Math.pow(p / (1 - p), 1 / shape);
    }

    @Override
    public double mean() {
        if (shape <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double b = Math.PI / shape;
        return scale * b / Math.sin(b);
    }

    @Override
    public double variance() {
        if (shape <= 2) {
            return Double.POSITIVE_INFINITY;
        }
        double b = Math.PI / shape;
        return scale * scale * (2 * b / Math.sin(2 * b) - b * b / (Math.sin(b) * Math.sin(b)));
    }
}
