package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/forecast/plans/{version}/series}: a plan version's series; {@code version} may be {@code latest}. */
final class PlanSeriesHandler implements Handler {
    private final ForecastViewService forecasts;

    PlanSeriesHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        @Nullable Integer version = PlanVersions.parse("version", ctx.pathParam("version"), false);
        PlanVersions.requireExists(forecasts, version);
        ctx.json(PlanSeriesView.of(forecasts.planSeries(version)));
    }
}
