/**
 * How simulated hardware fails: the two-parameter Weibull life of each hardware SKU (and of a bad procurement batch),
 * and how a coming failure shows in telemetry (its mode and when degradation starts).
 */
@NullMarked
package io.fleetcast.simulator.internal.failure;

import org.jspecify.annotations.NullMarked;
