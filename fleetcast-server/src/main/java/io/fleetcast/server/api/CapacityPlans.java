package io.fleetcast.server.api;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.store.capacity.StoredCapacityPlan;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The stored capacity plan a request names with its {@code version} parameter (a number, or {@code latest}, the
 * default), or "not found" (HTTP 404) when there is no such plan.
 */
final class CapacityPlans {
    /** How many names an "unknown ..." message lists before it says how many more there are. */
    static final int NAMES_IN_MESSAGES = 20;

    private CapacityPlans() {}

    /**
     * The plan that parameter {@code version} of {@code parameters} names, with its version set.
     *
     * @throws NotFoundException when no plan is stored, or not that version
     * @throws io.fleetcast.core.error.FleetcastException {@code BAD_INPUT} for a {@code version} that is not one
     */
    static CapacityPlanDocument named(CapacityPlanService capacity, Map<String, String> parameters) {
        @Nullable Integer version = PlanVersions.parse("version", parameters.getOrDefault("version", ""), true);
        if (version == null) {
            return capacity.latest().orElseThrow(CapacityPlans::noPlan);
        }
        int wanted = version;
        return capacity.stored(wanted).orElseThrow(() -> {
            List<StoredCapacityPlan> versions = capacity.versions();
            if (versions.isEmpty()) {
                return noPlan();
            }
            return new NotFoundException("there is no capacity plan version " + wanted + "; versions are "
                    + versions.get(0).version() + " to "
                    + versions.get(versions.size() - 1).version());
        });
    }

    private static NotFoundException noPlan() {
        return new NotFoundException("no capacity plan is stored yet: run fleetcast plan");
    }

    /** "unknown cluster "x" in capacity plan 3; known: a, b and 4 more". */
    static String unknown(String level, String name, int version, Collection<String> known) {
        String where = " in capacity plan " + version;
        if (known.isEmpty()) {
            return "unknown " + level + " \"" + name + "\"" + where + ": the plan has none";
        }
        String listed = known.stream().limit(NAMES_IN_MESSAGES).collect(Collectors.joining(", "));
        int more = known.size() - NAMES_IN_MESSAGES;
        return "unknown " + level + " \"" + name + "\"" + where + "; known: " + listed
                + (more > 0 ? " and " + more + " more" : "");
    }

    /** The stored version of a plan read through {@link #named}, which always has one. */
    static int version(CapacityPlanDocument plan) {
        Integer version = plan.planVersion();
        if (version == null) {
            throw new IllegalStateException("a stored capacity plan has no version");
        }
        return version;
    }
}
