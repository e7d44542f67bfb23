/**
 * Simulated requests for capacity (requests.csv): teams asking for cores, GiB and TB in the owned clusters they run in,
 * at priorities P0-P3, more than the clusters built to run out can give.
 */
@NullMarked
package io.fleetcast.simulator.internal.request;

import org.jspecify.annotations.NullMarked;
