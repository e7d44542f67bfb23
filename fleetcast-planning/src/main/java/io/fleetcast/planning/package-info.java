/**
 * Capacity planning: supply forecasts per cluster and resource, capacity plans with exhaustion dates and order
 * recommendations, headroom sizing, allocation of scarce supply by priority, and utilization analysis. Pure functions
 * over values: no store, no I/O.
 */
@NullMarked
package io.fleetcast.planning;

import org.jspecify.annotations.NullMarked;
