package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.capacity.CapacityPlanService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** {@code GET /api/capacity/versions}: the stored capacity plan versions, newest first. */
final class CapacityVersionsHandler implements Handler {
    private final CapacityPlanService capacity;

    CapacityVersionsHandler(CapacityPlanService capacity) {
        this.capacity = requireNonNull(capacity, "capacity is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        ctx.json(CapacityVersionsView.of(capacity.versions()));
    }
}
