/** Fleet-level reliability: failures a population of units at their current ages can be expected to have. */
@NullMarked
package io.fleetcast.reliability.fleet;

import org.jspecify.annotations.NullMarked;
