/** Seasonality: the M4 competition's seasonality test and classical (moving-average) decomposition. */
@NullMarked
package io.fleetcast.forecast.seasonal;

import org.jspecify.annotations.NullMarked;
