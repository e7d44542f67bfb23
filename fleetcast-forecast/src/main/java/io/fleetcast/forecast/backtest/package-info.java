/**
 * Rolling-origin backtests: refit a method at several past origins, score its forecasts against what happened (MASE,
 * sMAPE, bias, interval coverage and width), and choose a method per series by its backtest.
 */
@NullMarked
package io.fleetcast.forecast.backtest;

import org.jspecify.annotations.NullMarked;
