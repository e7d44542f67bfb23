/**
 * Forecasting over plain series: a {@link io.fleetcast.forecast.Forecaster} turns a {@link io.fleetcast.forecast.Series}
 * into a {@link io.fleetcast.forecast.Forecast} with 80% and 95% prediction intervals and the provenance of the fit.
 * Models live in one package per family ({@code benchmark}, later {@code ets}, {@code arima}, ...); accuracy measures in
 * {@code metric}; reconciliation of forecasts across hierarchies in {@code reconcile}. Pure functions: no I/O, no clock.
 */
@NullMarked
package io.fleetcast.forecast;

import org.jspecify.annotations.NullMarked;
