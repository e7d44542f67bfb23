/** See {@link io.fleetcast.prognostics}. */
@NullMarked
package io.fleetcast.prognostics.feature;

import org.jspecify.annotations.NullMarked;
