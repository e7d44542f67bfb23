package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.capacity.CapacityPlanDiff;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/capacity/diff?from=&to=&region=&site=&cluster=}: what changed per cluster and resource from capacity
 * plan {@code from} (by default the newest stored before {@code to}) to plan {@code to} (the latest by default),
 * narrowed to a region, site or cluster of the later plan.
 */
final class CapacityDiffHandler implements Handler {
    private final CapacityPlanService capacity;

    CapacityDiffHandler(CapacityPlanService capacity) {
        this.capacity = requireNonNull(capacity, "capacity is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters =
                QueryParameters.single(ctx, List.of("from", "to", "region", "site", "cluster"));
        @Nullable Integer named = PlanVersions.parse("to", parameters.getOrDefault("to", ""), true);
        CapacityPlanDocument later =
                CapacityPlans.named(capacity, named == null ? Map.of() : Map.of("version", Integer.toString(named)));
        int to = CapacityPlans.version(later);
        @Nullable Integer from = PlanVersions.parse("from", parameters.getOrDefault("from", ""), true);
        int earlier = from != null
                ? from
                : capacity.previousVersion(to)
                        .orElseThrow(() -> new NotFoundException("capacity plan " + to
                                + " is the first stored: there is no earlier plan to compare it with"));
        CapacityPlanDocument before = CapacityPlans.named(capacity, Map.of("version", Integer.toString(earlier)));
        CapacityScope scope = CapacityScope.of(later, parameters);
        ctx.json(CapacityDiffView.of(scope, CapacityPlanDiff.of(before, later, scope::contains)));
    }
}
