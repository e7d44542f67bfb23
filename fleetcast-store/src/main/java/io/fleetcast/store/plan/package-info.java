/**
 * Forecast plans as the store keeps them: the demand series there are to forecast at each grain, plan versions with their
 * lineage, and the forecast runs (one fitted model per series, with its provenance) and points of each version. Read
 * and written through {@link io.fleetcast.store.PlanStore}. Quantities are in canonical units: cores, GiB, TB.
 */
@NullMarked
package io.fleetcast.store.plan;

import org.jspecify.annotations.NullMarked;
