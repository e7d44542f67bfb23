/** The automatic forecaster: candidate methods chosen by the series' seasonality, one picked per series by backtest. */
@NullMarked
package io.fleetcast.forecast.auto;

import org.jspecify.annotations.NullMarked;
