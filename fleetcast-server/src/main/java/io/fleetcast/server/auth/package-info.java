/**
 * Who may call the API, and what they may see. Every {@code /api} request passes one gate ({@link
 * io.fleetcast.server.auth.AccessGate}) that asks the server's {@link io.fleetcast.server.auth.AccessPolicy} for a
 * decision and leaves the resolved {@link io.fleetcast.server.auth.Principal} in the request for the handlers.
 * Authentication schemes and per-team scoping are added here, as policies, without touching the handlers' routing.
 */
@NullMarked
package io.fleetcast.server.auth;

import org.jspecify.annotations.NullMarked;
