package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * {@code DELETE /api/forecast/adjustments/{id}}: removes a stored adjustment (204); plan versions already written keep
 * it. An unknown id is not found (404).
 */
final class DeleteAdjustmentHandler implements Handler {
    private final ForecastViewService forecasts;

    DeleteAdjustmentHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        String id = ctx.pathParam("id");
        if (forecasts.adjustments().stream()
                .noneMatch(adjustment -> adjustment.id().equals(id))) {
            throw new NotFoundException("there is no adjustment " + id);
        }
        forecasts.deleteAdjustment(id);
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
