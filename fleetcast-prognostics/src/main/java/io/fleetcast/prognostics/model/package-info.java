/** See {@link io.fleetcast.prognostics}. */
@NullMarked
package io.fleetcast.prognostics.model;

import org.jspecify.annotations.NullMarked;
