package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.fleetcast.core.error.FleetcastException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/forecast/series?key=&version=&history=}: one series of a plan version (the latest by default) with
 * {@code history} days of data ({@value #DEFAULT_HISTORY_DAYS} by default).
 */
final class ForecastSeriesHandler implements Handler {
    static final int DEFAULT_HISTORY_DAYS = 180;

    private final ForecastViewService forecasts;

    ForecastSeriesHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("key", "version", "history"));
        String key = parameters.getOrDefault("key", "").trim();
        if (key.isEmpty()) {
            throw FleetcastException.badInput(
                    "parameter \"key\" is required: the series as service/cluster/resource, e.g. checkout/ash-c1/cpu");
        }
        @Nullable Integer version = PlanVersions.parse("version", parameters.getOrDefault("version", ""), true);
        String historyText = parameters.getOrDefault("history", "");
        int history =
                historyText.isBlank() ? DEFAULT_HISTORY_DAYS : QueryParameters.wholeNumber("history", historyText);
        PlanVersions.requireExists(forecasts, version);
        ForecastViewService.PlanSeries plan = forecasts.planSeries(version);
        if (plan.series().stream().noneMatch(series -> series.seriesKey().equals(key))) {
            throw new NotFoundException("plan " + plan.version() + " has no series " + key
                    + " (keys are service/cluster/resource; GET /api/forecast/plans/" + plan.version()
                    + "/series lists them)");
        }
        ctx.json(ForecastSeriesView.of(forecasts.series(plan.version(), key, history)));
    }
}
