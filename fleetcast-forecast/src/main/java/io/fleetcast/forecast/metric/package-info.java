/** Accuracy measures, defined as the M4 competition defines them. */
@NullMarked
package io.fleetcast.forecast.metric;

import org.jspecify.annotations.NullMarked;
