package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.fleetcast.app.forecast.PlanForecastService;
import io.fleetcast.core.error.FleetcastException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/forecast/diff?from=V1&to=V2}: what changed per series from plan V1 to plan V2. */
final class PlanDiffHandler implements Handler {
    private final PlanForecastService plans;
    private final ForecastViewService forecasts;

    PlanDiffHandler(PlanForecastService plans, ForecastViewService forecasts) {
        this.plans = requireNonNull(plans, "plans is null");
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("from", "to"));
        int from = version(parameters, "from");
        int to = version(parameters, "to");
        PlanVersions.requireExists(forecasts, from);
        PlanVersions.requireExists(forecasts, to);
        ctx.json(PlanDiffView.of(plans.diff(from, to)));
    }

    private static int version(Map<String, String> parameters, String name) {
        @Nullable Integer version = PlanVersions.parse(name, parameters.getOrDefault(name, ""), false);
        if (version == null) {
            throw FleetcastException.badInput(
                    "parameter \"" + name + "\" must be a plan version number, e.g. " + name + "=1");
        }
        return version;
    }
}
