/**
 * Where the simulated fleet lives: regions, sites (owned datacenters and cloud regions) and clusters, each cluster on
 * one site and each site in one region, with every cluster's family, build date and size at the end of the history.
 */
@NullMarked
package io.fleetcast.simulator.internal.topology;

import org.jspecify.annotations.NullMarked;
