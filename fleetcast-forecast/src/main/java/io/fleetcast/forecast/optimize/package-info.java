/** Numerical minimisation for model fitting. */
@NullMarked
package io.fleetcast.forecast.optimize;

import org.jspecify.annotations.NullMarked;
