/** Allocation of scarce supply to requests: by priority, then a weighted max-min fair share within a priority, explained per request. */
@NullMarked
package io.fleetcast.planning.allocation;

import org.jspecify.annotations.NullMarked;
