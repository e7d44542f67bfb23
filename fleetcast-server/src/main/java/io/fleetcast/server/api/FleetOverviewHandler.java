package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.fleet.FleetOverviewRequest;
import io.fleetcast.app.fleet.FleetOverviewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /api/fleet/overview?region=&site=&cluster=&service=&from=&to=&resource=}. */
final class FleetOverviewHandler implements Handler {
    private final FleetOverviewService fleet;

    FleetOverviewHandler(FleetOverviewService fleet) {
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    @Override
    public void handle(Context ctx) {
        FleetOverviewRequest request = FleetOverviewRequest.fromParameters(QueryParameters.single(ctx));
        ctx.json(FleetOverviewView.of(fleet.overview(request)));
    }
}
