/** See {@link io.fleetcast.prognostics}. */
@NullMarked
package io.fleetcast.prognostics.evaluation;

import org.jspecify.annotations.NullMarked;
