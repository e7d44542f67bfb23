package io.fleetcast.server.auth;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;

/** A request the access policy refused; the server answers 401 or 403 with the policy's message. */
public final class AccessDeniedException extends FleetcastException {
    private static final long serialVersionUID = 1L;

    private final AccessDecision.Reason reason;

    public AccessDeniedException(AccessDecision.Reason reason, String message) {
        super(ErrorKind.BAD_INPUT, message);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public AccessDecision.Reason reason() {
        return reason;
    }

    /** The HTTP status that answers the refusal: 401 or 403. */
    public int httpStatus() {
        return switch (reason) {
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
        };
    }
}
