/**
 * Manual input on top of a statistical forecast: planners' adjustments (add, multiply, override over a range of steps;
 * a step change from a step on, for a planned launch), each with its author, reason and time, applied in order and
 * always kept apart from the forecast they adjust.
 */
@NullMarked
package io.fleetcast.forecast.adjust;

import org.jspecify.annotations.NullMarked;
