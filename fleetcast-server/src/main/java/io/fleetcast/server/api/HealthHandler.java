package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.fleet.FleetOverviewService;
import io.fleetcast.server.auth.AccessGate;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** {@code GET /api/health}. */
final class HealthHandler implements Handler {
    private final FleetOverviewService fleet;

    HealthHandler(FleetOverviewService fleet) {
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        ctx.json(HealthView.of(fleet.status(), AccessGate.principal(ctx)));
    }
}
