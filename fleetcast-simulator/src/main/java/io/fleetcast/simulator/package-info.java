/**
 * The fleet simulator: writes a realistic fleet's data files, one per {@link io.fleetcast.core.dataset.Kind}, in the
 * formats Fleetcast ingests, together with {@code truth.json}, the ground truth they were generated from. Entry point:
 * {@link io.fleetcast.simulator.FleetSimulator}.
 */
@NullMarked
package io.fleetcast.simulator;

import org.jspecify.annotations.NullMarked;
