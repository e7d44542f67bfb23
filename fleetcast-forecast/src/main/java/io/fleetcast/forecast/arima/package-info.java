/**
 * Seasonal ARIMA models (Box and Jenkins): fitted by exact Gaussian maximum likelihood through a state-space form and
 * the Kalman filter (Gardner, Harvey and Phillips 1980; Durbin and Koopman, Time Series Analysis by State Space
 * Methods, 2nd ed., 2012), started from conditional least squares, as R's {@code stats::arima(method = "CSS-ML")}; the
 * orders chosen automatically by unit-root tests and a stepwise search on AICc, as R's {@code forecast::auto.arima}
 * (Hyndman and Khandakar, Automatic time series forecasting: the forecast package for R, Journal of Statistical
 * Software 27(3), 2008). Entry point: {@link io.fleetcast.forecast.arima.ArimaForecaster}.
 */
@NullMarked
package io.fleetcast.forecast.arima;

import org.jspecify.annotations.NullMarked;
