package io.fleetcast.reliability.fit;

import static java.util.Objects.requireNonNull;

/**
 * A fit by rank regression and how well the line fits the probability plot.
 *
 * @param fit the distribution at the estimates, with the log-likelihood there (and AICc, BIC); no standard errors,
 *     covariance or bounds
 * @param axis the variable the regression took as exact
 * @param andersonDarling the Anderson–Darling statistic of the median ranks against the fitted distribution (see
 *     {@link AndersonDarling}); lower is better
 * @param correlation the correlation coefficient of the linearised probability plot (for gamma, of the failure times
 *     and the fitted quantiles at their median ranks); closer to 1 is straighter
 */
public record RankRegressionFit(LifeFit fit, RankRegression.Axis axis, double andersonDarling, double correlation) {
    public RankRegressionFit {
        requireNonNull(fit, "fit is null");
        requireNonNull(axis, "axis is null");
    }
}
