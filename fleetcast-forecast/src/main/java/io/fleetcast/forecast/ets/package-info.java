/**
 * Exponential smoothing in state-space form (ETS; Hyndman, Koehler, Ord and Snyder, Forecasting with Exponential
 * Smoothing, 2008): additive or multiplicative errors, no, additive or damped trend, no, additive or multiplicative
 * seasonality; parameters and initial states by maximum likelihood; the model chosen by AICc among the admissible
 * ones, as R's {@code forecast::ets} does. Entry point: {@link io.fleetcast.forecast.ets.EtsForecaster}.
 */
@NullMarked
package io.fleetcast.forecast.ets;

import org.jspecify.annotations.NullMarked;
