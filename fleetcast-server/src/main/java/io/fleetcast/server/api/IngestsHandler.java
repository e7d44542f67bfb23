package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.fleet.FleetOverviewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/** {@code GET /api/ingests?limit=N}: the ingest log, newest first; {@code limit} 1 to 1000, default 100. */
final class IngestsHandler implements Handler {
    static final int DEFAULT_LIMIT = 100;

    private final FleetOverviewService fleet;

    IngestsHandler(FleetOverviewService fleet) {
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("limit"));
        String limitText = parameters.getOrDefault("limit", "");
        int limit = limitText.isBlank() ? DEFAULT_LIMIT : QueryParameters.wholeNumber("limit", limitText);
        ctx.json(new IngestsView(
                fleet.ingestLog(limit).stream().map(IngestView::of).toList()));
    }
}
