/**
 * The application: wires the store and the analytic modules into services that the command line and the server call.
 * {@link io.fleetcast.app.FleetcastApp} is the one place that chooses the storage backend.
 */
@NullMarked
package io.fleetcast.app;

import org.jspecify.annotations.NullMarked;
