/** Methods applied to a transformed series, with forecasts and intervals mapped back to the original scale. */
@NullMarked
package io.fleetcast.forecast.transform;

import org.jspecify.annotations.NullMarked;
