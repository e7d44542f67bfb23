package io.fleetcast.server.auth;

import static java.util.Objects.requireNonNull;

/** What a policy decides about a request: let it through as a principal, or refuse it. */
public sealed interface AccessDecision {

    /** The request goes ahead on behalf of {@code principal}. */
    record Allow(Principal principal) implements AccessDecision {
        public Allow {
            requireNonNull(principal, "principal is null");
        }
    }

    /**
     * The request is refused.
     *
     * @param reason whether the caller is unknown (HTTP 401) or known but not allowed (HTTP 403)
     * @param message what the caller is told
     */
    record Deny(Reason reason, String message) implements AccessDecision {
        public Deny {
            requireNonNull(reason, "reason is null");
            requireNonNull(message, "message is null");
        }
    }

    /** Why a request is refused. */
    enum Reason {
        /** The caller did not prove who they are (HTTP 401). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (HTTP 403). */
        FORBIDDEN
    }
}
