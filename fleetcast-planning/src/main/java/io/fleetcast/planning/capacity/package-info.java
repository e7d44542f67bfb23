/**
 * Capacity plans: per cluster and resource, forecast demand quantiles against usable supply, the exhaustion date at
 * each quantile, and order recommendations explained line by line.
 */
@NullMarked
package io.fleetcast.planning.capacity;

import org.jspecify.annotations.NullMarked;
