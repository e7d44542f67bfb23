package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanDocument.Entry;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/capacity/path?cluster=&resource=&version=}: one cluster and resource's daily demand quantiles and
 * usable supply in a stored capacity plan (the latest by default).
 */
final class CapacityPathHandler implements Handler {
    private final CapacityPlanService capacity;

    CapacityPathHandler(CapacityPlanService capacity) {
        this.capacity = requireNonNull(capacity, "capacity is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("cluster", "resource", "version"));
        String cluster = ReliabilityParameters.required(parameters, "cluster", "the cluster, e.g. us-east-dc1-c01");
        String resourceText = ReliabilityParameters.required(parameters, "resource", "cpu, memory or storage");
        Resource resource = Resource.parse(resourceText)
                .orElseThrow(() -> FleetcastException.badInput(
                        "parameter \"resource\": expected cpu, memory or storage, got \"" + resourceText + "\""));
        CapacityPlanDocument plan = CapacityPlans.named(capacity, parameters);
        int version = CapacityPlans.version(plan);
        Set<String> resources = new TreeSet<>();
        Optional<Entry> entry = Optional.empty();
        for (Entry candidate : plan.clusters()) {
            if (candidate.cluster().equals(cluster)) {
                resources.add(candidate.resource());
                if (candidate.resource().equals(resource.code())) {
                    entry = Optional.of(candidate);
                }
            }
        }
        if (resources.isEmpty()) {
            Set<String> known = new TreeSet<>();
            plan.clusters().forEach(candidate -> known.add(candidate.cluster()));
            throw FleetcastException.badInput(CapacityPlans.unknown("cluster", cluster, version, known));
        }
        if (entry.isEmpty()) {
            throw FleetcastException.badInput("capacity plan " + version + " has no " + resource.code()
                    + " for cluster " + cluster + "; it has " + String.join(", ", resources));
        }
        ctx.json(CapacityPathView.of(version, entry.orElseThrow(), capacity.path(version, cluster, resource.code())));
    }
}
