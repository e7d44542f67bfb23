package io.fleetcast.server.auth;

/**
 * The policy of a server for one person on their own machine: every request is the {@linkplain Principal#LOCAL_USER
 * local user}, who sees everything. Fit only for a server bound to a loopback address.
 */
public final class AllowAll implements AccessPolicy {
    @Override
    public AccessDecision decide(AccessRequest request) {
        return new AccessDecision.Allow(Principal.LOCAL_USER);
    }
}
