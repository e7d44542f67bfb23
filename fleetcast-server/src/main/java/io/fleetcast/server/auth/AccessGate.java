package io.fleetcast.server.auth;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.FleetcastException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The one before-handler every API request passes: asks the policy, then either stores the principal in the request
 * (for {@link #principal(Context)}) or throws {@link AccessDeniedException}, which ends the request before any
 * handler runs.
 */
public final class AccessGate implements Handler {
    private static final String PRINCIPAL_ATTRIBUTE = "fleetcast.principal";

    private final AccessPolicy policy;

    public AccessGate(AccessPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    @Override
    public void handle(Context ctx) {
        AccessRequest request =
                new AccessRequest(ctx.method().name(), ctx.path(), ctx.headerMap(), String.valueOf(ctx.ip()));
        AccessDecision decision = requireNonNull(policy.decide(request), "the access policy decided nothing");
        if (decision instanceof AccessDecision.Allow allow) {
            ctx.attribute(PRINCIPAL_ATTRIBUTE, allow.principal());
            return;
        }
        // AccessDecision is sealed: what is not an Allow is a Deny.
        AccessDecision.Deny deny = (AccessDecision.Deny) decision;
        throw new AccessDeniedException(deny.reason(), deny.message());
    }

    /**
     * The principal the gate resolved for this request.
     *
     * @throws FleetcastException {@code INTERNAL} if the request did not pass the gate (a route outside {@code /api})
     */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL_ATTRIBUTE);
        if (principal == null) {
            throw FleetcastException.internal(
                    "no principal for " + ctx.method().name() + " " + ctx.path()
                            + ": the route bypassed the access gate",
                    null);
        }
        return principal;
    }
}
