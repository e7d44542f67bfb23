/** Capacity planning services: the stored fleet's supply, capacity plan, headroom, allocation and utilization. */
@NullMarked
package io.fleetcast.app.capacity;

import org.jspecify.annotations.NullMarked;
