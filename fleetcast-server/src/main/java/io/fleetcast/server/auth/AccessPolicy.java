package io.fleetcast.server.auth;

/**
 * Decides, for every API request, who makes it and whether it may go ahead. Consulted once per request, before any
 * handler runs; implementations must be thread-safe and must not block for long.
 */
@FunctionalInterface
public interface AccessPolicy {

    /** Allows or denies {@code request}. */
    AccessDecision decide(AccessRequest request);
}
