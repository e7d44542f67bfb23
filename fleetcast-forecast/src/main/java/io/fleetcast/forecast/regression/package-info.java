/**
 * A decomposable regression model for long horizons (in the spirit of Prophet, Taylor and Letham 2018): a
 * piecewise-linear trend with many candidate changepoints whose slope changes are shrunk by a ridge penalty chosen by
 * generalised cross-validation, Fourier seasonalities, special events and traffic drivers as regressors, on the
 * original, log (multiplicative) or logit (saturating at a capacity ceiling) scale.
 */
@NullMarked
package io.fleetcast.forecast.regression;

import org.jspecify.annotations.NullMarked;
