/**
 * Errors shared by every module: one unchecked base exception with an {@link io.fleetcast.core.error.ErrorKind} chosen
 * at the throw site, and located input errors ({@code FILE:LINE: column: problem}) for bad user input.
 */
@NullMarked
package io.fleetcast.core.error;

import org.jspecify.annotations.NullMarked;
