/**
 * Capacity resources (cpu cores, memory GiB, storage TB) with their canonical units and the conversions from the
 * units users' files carry.
 */
@NullMarked
package io.fleetcast.core.unit;

import org.jspecify.annotations.NullMarked;
