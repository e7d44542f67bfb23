/**
 * Seeded random draws for the simulator. Every component of the simulated fleet draws from its own stream, derived
 * from the simulation seed and the component's name, so that changing one component does not reshuffle the others
 * and the same seed always gives the same fleet.
 */
@NullMarked
package io.fleetcast.simulator.internal.sampling;

import org.jspecify.annotations.NullMarked;
