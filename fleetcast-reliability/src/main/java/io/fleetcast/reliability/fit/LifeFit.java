package io.fleetcast.reliability.fit;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.StandardNormal;
import org.jspecify.annotations.Nullable;

/**
 * A fitted life distribution: the estimates, their standard errors and confidence bounds, how well it fits. Immutable.
 *
 * @param family the family fitted
 * @param distribution the distribution with the estimates
 * @param logLikelihood the log-likelihood at the estimates
 * @param aicc Akaike's criterion with the small-sample correction, −2 ln L + 2k + 2k(k + 1) / (n − k − 1)
 * @param bic the Bayesian criterion, −2 ln L + k ln n (n: all units, failed and censored)
 * @param standardErrors each parameter's standard error, from the inverse of the observed Fisher information
 * @param bounds each parameter's two-sided confidence bounds at {@code confidence}: log-transformed (always positive)
 *     for positive parameters, symmetric for the others
 * @param confidence the two-sided confidence level of the bounds, e.g. 0.95; {@code NaN} for a fit without bounds
 * @param covariance the estimates' covariance matrix, rows and columns in {@link Family#parameterNames()} order; empty
 *     for a fit that has none (rank regression), whose derived quantities then have {@code NaN} bounds
 * @param iterations likelihood evaluations the fit took
 */
public record LifeFit(
        Family family,
        LifeDistribution distribution,
        double logLikelihood,
        double aicc,
        double bic,
        ImmutableMap<String, Double> standardErrors,
        ImmutableMap<String, ImmutableList<Double>> bounds,
        double confidence,
        ImmutableList<ImmutableList<Double>> covariance,
        int iterations)
        implements QuotedQuantities {
    public LifeFit {
        requireNonNull(family, "family is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(standardErrors, "standardErrors is null");
        requireNonNull(bounds, "bounds is null");
        requireNonNull(covariance, "covariance is null");
    }

    /** The estimate of parameter {@code name}. */
    public double parameter(String name) {
        Double value = distribution.parameters().get(name);
        if (value == null && name.equals("location") && family.hasLocation()) {
            return 0; // a location at its bound 0: the distribution reports itself without one
        }
        return known(value, name);
    }

    /** The standard error of parameter {@code name}. */
    public double standardError(String name) {
        return known(standardErrors.get(name), name);
    }

    /** The lower confidence bound of parameter {@code name}. */
    public double lowerBound(String name) {
        return known(bounds.get(name), name).get(0);
    }

    /** The upper confidence bound of parameter {@code name}. */
    public double upperBound(String name) {
        return known(bounds.get(name), name).get(1);
    }

    private <T> T known(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(
                    family.label() + " has no parameter " + name + "; it has " + family.parameterNames());
        }
        return value;
    }

    /**
     * An estimate with two-sided confidence bounds at the fit's confidence.
     *
     * @param estimate the value at the estimates
     * @param lower the lower bound
     * @param upper the upper bound
     */
    public record Bounded(double estimate, double lower, double upper) {}

    /**
     * The life by which a share {@code p} has failed (B10 life for 0.10), with Fisher-matrix bounds by the delta method
     * on the log scale, so that they stay positive. Bounds are {@code NaN} for a fit without a covariance (rank
     * regression).
     */
    @Override
    public Bounded life(double p) {
        return onLogScale(distribution.quantile(p), d -> d.quantile(p));
    }

    /** The reliability at {@code t}, with Fisher-matrix bounds by the delta method on the logit scale (inside (0, 1)). */
    @Override
    public Bounded reliability(double t) {
        return onLogitScale(distribution.sf(t), d -> d.sf(t));
    }

    /**
     * The reliability over a further {@code mission} of a unit that has survived to {@code age}, R(age + mission) /
     * R(age), with Fisher-matrix bounds by the delta method on the logit scale (inside (0, 1)).
     */
    @Override
    public Bounded conditionalReliability(double mission, double age) {
        return onLogitScale(
                distribution.conditionalReliability(mission, age), d -> d.conditionalReliability(mission, age));
    }

    /** The hazard (failure rate) h(t) = f(t) / R(t), with Fisher-matrix bounds by the delta method on the log scale. */
    @Override
    public Bounded hazard(double t) {
        return onLogScale(distribution.hazard(t), d -> d.hazard(t));
    }

    /** The mean life (MTTF), with Fisher-matrix bounds by the delta method on the log scale. */
    @Override
    public Bounded meanLife() {
        return onLogScale(distribution.mean(), LifeDistribution::mean);
    }

    /** Whether the fit has a covariance of its estimates, and so Fisher-matrix bounds (rank regression has none). */
    public boolean hasCovariance() {
        return !covariance.isEmpty();
    }

    private Bounded onLogScale(double estimate, java.util.function.ToDoubleFunction<LifeDistribution> quantity) {
        if (!hasCovariance()) {
            return new Bounded(estimate, Double.NaN, Double.NaN);
        }
        double se = deltaStandardError(quantity);
        double spread = Math.exp(z() * se / Math.abs(estimate));
        return new Bounded(estimate, estimate / spread, estimate * spread);
    }

    private Bounded onLogitScale(double r, java.util.function.ToDoubleFunction<LifeDistribution> quantity) {
        if (!hasCovariance()) {
            return new Bounded(r, Double.NaN, Double.NaN);
        }
        double se = deltaStandardError(quantity);
        double spread = Math.exp(z() * se / (r * (1 - r)));
        return new Bounded(r, r / (r + (1 - r) * spread), r / (r + (1 - r) / spread));
    }

    private double z() {
        return StandardNormal.twoSided(confidence);
    }

    /** √(gᵀ Σ g) for g the gradient of {@code quantity} in the parameters (central differences). */
    private double deltaStandardError(java.util.function.ToDoubleFunction<LifeDistribution> quantity) {
        int k = family.parameterNames().size();
        double[] estimates = new double[k];
        for (int i = 0; i < k; i++) {
            estimates[i] = parameter(family.parameterNames().get(i));
        }
        double[] gradient = new double[k];
        for (int i = 0; i < k; i++) {
            double h = 1e-6 * Math.max(1e-3, Math.abs(estimates[i]));
            double[] plus = estimates.clone();
            double[] minus = estimates.clone();
            plus[i] += h;
            minus[i] -= h;
            gradient[i] = (quantity.applyAsDouble(family.create(plus)) - quantity.applyAsDouble(family.create(minus)))
                    / (2 * h);
        }
        double variance = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                variance += gradient[i] * covariance.get(i).get(j) * gradient[j];
            }
        }
        return Math.sqrt(Math.max(0, variance));
    }
}
