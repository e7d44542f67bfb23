package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** {@code GET /api/forecast/plans}: the plan versions, newest first. */
final class ForecastPlansHandler implements Handler {
    private final ForecastViewService forecasts;

    ForecastPlansHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        ctx.json(ForecastPlansView.of(forecasts.plans()));
    }
}
