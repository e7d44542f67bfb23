package io.fleetcast.server.api;

import io.fleetcast.app.forecast.ForecastViewService;
import io.fleetcast.app.forecast.ForecastViewService.PlanSummary;
import io.fleetcast.core.error.FleetcastException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plan versions as requests name them: a whole number from 1, or {@code latest}; and the check that the version named
 * exists, so that a plan that does not exist is "not found" (404) rather than a malformed request.
 */
final class PlanVersions {
    static final String LATEST = "latest";

    private PlanVersions() {}

    /**
     * The version {@code text} names, {@code null} for the latest (also when {@code text} is blank and {@code
     * blankIsLatest}).
     *
     * @throws FleetcastException {@code BAD_INPUT} naming {@code name} if {@code text} is not a version
     */
    static @Nullable Integer parse(String name, String text, boolean blankIsLatest) {
        String trimmed = text.trim();
        if (trimmed.equals(LATEST) || (blankIsLatest && trimmed.isEmpty())) {
            return null;
        }
        if (!trimmed.matches("[1-9][0-9]{0,8}")) {
            throw FleetcastException.badInput(
                    "parameter \"" + name + "\": expected a plan version (1, 2, ...) or latest, got \"" + text + "\"");
        }
        return Integer.valueOf(trimmed);
    }

    /**
     * Checks that plan {@code version} (the latest when {@code null}) exists.
     *
     * @throws NotFoundException naming the versions there are if it does not
     */
    static void requireExists(ForecastViewService forecasts, @Nullable Integer version) {
        List<PlanSummary> plans = forecasts.plans();
        if (plans.isEmpty()) {
            throw new NotFoundException("no plan was written yet: run fleetcast forecast");
        }
        if (version != null && plans.stream().noneMatch(plan -> plan.version() == version)) {
            throw new NotFoundException("there is no plan version " + version + "; versions are 1 to "
                    + plans.get(0).version());
        }
    }
}
