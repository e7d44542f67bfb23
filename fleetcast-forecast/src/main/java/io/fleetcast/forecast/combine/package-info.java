/** Forecast combinations: several methods' forecasts of the same series, averaged step by step. */
@NullMarked
package io.fleetcast.forecast.combine;

import org.jspecify.annotations.NullMarked;
