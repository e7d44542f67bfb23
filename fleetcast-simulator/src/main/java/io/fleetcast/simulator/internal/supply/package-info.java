/**
 * Simulated supply: owned clusters grow through purchase orders placed by a capacity planner (with lead times, late
 * deliveries and cancellations), servers fail with their SKU's Weibull life and are replaced, and retire at end of
 * life; cloud clusters scale reserved and on-demand instances with demand. Also computes the ground truth of when
 * each cluster runs out of capacity, and writes skus, assets and orders.
 */
@NullMarked
package io.fleetcast.simulator.internal.supply;

import org.jspecify.annotations.NullMarked;
