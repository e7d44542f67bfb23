package io.fleetcast.server.api;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;

/**
 * A request names, in its path or parameters, a plan version, a series of a plan, an adjustment, a prediction or a
 * scored day that does not exist, or asks for data of a kind none of which is loaded (or scored). Bad input, answered
 * as "not found" (HTTP 404) rather than as a malformed request.
 */
final class NotFoundException extends FleetcastException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(ErrorKind.BAD_INPUT, message);
    }
}
