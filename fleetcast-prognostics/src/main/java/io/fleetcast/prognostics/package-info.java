/**
 * Failure prediction: {@linkplain io.fleetcast.prognostics.model.GradientBoostedTrees gradient-boosted trees} for
 * remaining useful life and failure within a horizon, {@linkplain io.fleetcast.prognostics.feature window features}
 * over an asset's readings, and {@linkplain io.fleetcast.prognostics.evaluation evaluation} metrics. Pure functions
 * over values: no store, no I/O.
 */
@NullMarked
package io.fleetcast.prognostics;

import org.jspecify.annotations.NullMarked;
