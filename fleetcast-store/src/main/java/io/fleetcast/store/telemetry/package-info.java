/**
 * What {@link io.fleetcast.store.TelemetryQueries} returns: point-in-time features of each asset's health signals, per
 * day, computed in the store.
 */
@NullMarked
package io.fleetcast.store.telemetry;

import org.jspecify.annotations.NullMarked;
