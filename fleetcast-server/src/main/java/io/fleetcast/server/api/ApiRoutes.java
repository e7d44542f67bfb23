package io.fleetcast.server.api;

import io.fleetcast.app.FleetcastApp;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The API's endpoints, all under {@value #PREFIX}. Documented for users in {@code docs/dashboard.md}. */
public final class ApiRoutes {
    /** Where the API lives; everything else the server serves is the dashboard's static files. */
    public static final String PREFIX = "/api";

    private ApiRoutes() {}

    /**
     * Declares every API endpoint on {@code routes}, each calling one of {@code app}'s services; the cost report is
     * given the owned sites' rates ({@code siteRates}, null for none).
     */
    public static void register(RoutesConfig routes, FleetcastApp app, @Nullable Path siteRates) {
        routes.get(PREFIX + "/health", new HealthHandler(app.fleet()));
        routes.get(PREFIX + "/fleet/overview", new FleetOverviewHandler(app.fleet()));
        routes.get(PREFIX + "/ingests", new IngestsHandler(app.fleet()));
        routes.get(PREFIX + "/forecast/plans", new ForecastPlansHandler(app.forecasts()));
        routes.get(PREFIX + "/forecast/plans/{version}/series", new PlanSeriesHandler(app.forecasts()));
        routes.get(PREFIX + "/forecast/series", new ForecastSeriesHandler(app.forecasts()));
        routes.get(PREFIX + "/forecast/diff", new PlanDiffHandler(app.plans(), app.forecasts()));
        routes.get(PREFIX + "/forecast/adjustments", new AdjustmentsHandler(app.forecasts()));
        routes.get(PREFIX + "/reliability", new ReliabilityHandler(app.reliability()));
        routes.get(PREFIX + "/reliability/segment", new ReliabilitySegmentHandler(app.reliability()));
        routes.get(PREFIX + "/reliability/compare", new ReliabilityCompareHandler(app.reliability()));
        routes.get(PREFIX + "/capacity", new CapacityHandler(app.capacity()));
        routes.get(PREFIX + "/capacity/versions", new CapacityVersionsHandler(app.capacity()));
        routes.get(PREFIX + "/capacity/path", new CapacityPathHandler(app.capacity()));
        routes.get(PREFIX + "/capacity/diff", new CapacityDiffHandler(app.capacity()));
        routes.get(PREFIX + "/cost", new CostHandler(app.cost(), app.fleet(), siteRates));
        routes.get(PREFIX + "/prognostics", new PrognosticsHandler(app.prognostics()));
        routes.get(PREFIX + "/prognostics/assets/{assetId}", new PrognosticsAssetHandler(app.prognostics()));
        // Writes: an access policy tells them apart by their method (AccessRequest.method) and may refuse them.
        routes.post(PREFIX + "/forecast/adjustments", new SaveAdjustmentHandler(app.forecasts()));
        routes.delete(PREFIX + "/forecast/adjustments/{id}", new DeleteAdjustmentHandler(app.forecasts()));
        routes.post(PREFIX + "/prognostics/predictions/{id}/review", new ReviewPredictionHandler(app.prognostics()));
    }
}
