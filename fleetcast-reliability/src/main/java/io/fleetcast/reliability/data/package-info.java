/** See {@link io.fleetcast.reliability}. */
@NullMarked
package io.fleetcast.reliability.data;

import org.jspecify.annotations.NullMarked;
