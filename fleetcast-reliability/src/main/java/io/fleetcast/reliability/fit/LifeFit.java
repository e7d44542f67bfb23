package io.fleetcast.reliability.fit;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.reliability.distribution.LifeDistribution;
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
 * @param confidence the two-sided confidence level of the bounds, e.g. 0.95
 * @param covariance the estimates' covariance matrix, rows and columns in {@link Family#parameterNames()} order
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
        int iterations) {
    public LifeFit {
        requireNonNull(family, "family is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(standardErrors, "standardErrors is null");
        requireNonNull(bounds, "bounds is null");
        requireNonNull(covariance, "covariance is null");
    }

    /** The estimate of parameter {@code name}. */
    public double parameter(String name) {
        return known(distribution.parameters().get(name), name);
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
}
