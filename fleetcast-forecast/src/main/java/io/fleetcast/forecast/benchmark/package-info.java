/**
 * The benchmark methods every forecaster must beat: naive, seasonal naive, drift, and the M4 competition's Naive2
 * (naive on data seasonally adjusted by classical multiplicative decomposition when the M4 seasonality test finds a
 * cycle). Prediction intervals are the analytic ones of the random walk (Hyndman and Athanasopoulos, Forecasting:
 * Principles and Practice, 3rd ed., section 5.5).
 */
@NullMarked
package io.fleetcast.forecast.benchmark;

import org.jspecify.annotations.NullMarked;
