/**
 * The fleet as the overview sees it: scopes along the region → site → cluster → service hierarchy, and the figures
 * {@link io.fleetcast.store.FleetQueries} returns for a scope (servers and capacity in service, usage and allocation,
 * daily timelines). Quantities are in canonical units: cores, GiB, TB.
 */
@NullMarked
package io.fleetcast.store.fleet;

import org.jspecify.annotations.NullMarked;
