/**
 * Simulated spend in the FinOps FOCUS shape: cloud instance hours (on-demand and reserved, with monthly reservation
 * purchases) and owned datacenter costs (depreciation, power, space) split over services by their allocations, a
 * small share of untagged spend, injected cost anomalies with known size, and team budgets per quarter designed so that
 * some are overrun.
 */
@NullMarked
package io.fleetcast.simulator.internal.cost;

import org.jspecify.annotations.NullMarked;
