/** See {@link io.fleetcast.reliability}. */
@NullMarked
package io.fleetcast.reliability.fit;

import org.jspecify.annotations.NullMarked;
