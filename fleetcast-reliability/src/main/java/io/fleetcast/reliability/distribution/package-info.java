/** See {@link io.fleetcast.reliability}. */
@NullMarked
package io.fleetcast.reliability.distribution;

import org.jspecify.annotations.NullMarked;
