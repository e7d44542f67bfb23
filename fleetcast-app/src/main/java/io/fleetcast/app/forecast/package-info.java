/** Forecasting services: series from files or the store through the forecasting engine, results for the CLI and API. */
@NullMarked
package io.fleetcast.app.forecast;

import org.jspecify.annotations.NullMarked;
