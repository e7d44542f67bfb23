package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** {@code GET /api/forecast/adjustments}: every stored manual adjustment, in the order they apply. */
final class AdjustmentsHandler implements Handler {
    private final ForecastViewService forecasts;

    AdjustmentsHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        ctx.json(AdjustmentsView.of(forecasts.adjustments()));
    }
}
