/**
 * Who owns the simulated demand: organisations, their teams and the teams' services, each service with a tier and a
 * workload profile (interactive, batch, cache/database, storage) that decides how its demand behaves.
 */
@NullMarked
package io.fleetcast.simulator.internal.organization;

import org.jspecify.annotations.NullMarked;
