package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/capacity?version=&region=&site=&cluster=}: a stored capacity plan (the latest by default), narrowed
 * to a region, site or cluster: its cluster entries and its allocation and utilization sections alike.
 */
final class CapacityHandler implements Handler {
    private final CapacityPlanService capacity;

    CapacityHandler(CapacityPlanService capacity) {
        this.capacity = requireNonNull(capacity, "capacity is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("version", "region", "site", "cluster"));
        CapacityPlanDocument plan = CapacityPlans.named(capacity, parameters);
        ctx.json(CapacityView.of(plan, CapacityScope.of(plan, parameters)));
    }
}
