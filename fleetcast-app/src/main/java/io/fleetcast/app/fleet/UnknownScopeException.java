package io.fleetcast.app.fleet;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;

/**
 * A request names a region, site, cluster or service the fleet does not have (or no fleet data is loaded at all). Bad
 * input, reported as "not found" (HTTP 404) rather than as a malformed request.
 */
public final class UnknownScopeException extends FleetcastException {
    private static final long serialVersionUID = 1L;

    public UnknownScopeException(String message) {
        super(ErrorKind.BAD_INPUT, message);
    }
}
