/**
 * The Fleetcast web server: the REST JSON API ({@code api}) behind one access gate ({@code auth}), and the dashboard,
 * static files served from this jar (no network needed). Start it with
 * {@link io.fleetcast.server.FleetcastServer#start}.
 */
@NullMarked
package io.fleetcast.server;

import org.jspecify.annotations.NullMarked;
