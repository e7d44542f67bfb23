package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.cost.CostService;
import io.fleetcast.app.fleet.FleetOverviewService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.server.auth.AccessGate;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/cost?period=&team=}: the cost report ({@code fleetcast cost --json}, {@link
 * io.fleetcast.app.cost.CostReport}) of a period, by default the quarter of the last charge day, for the teams the
 * request may see ({@link TeamScope}). {@code team} may be repeated or list teams separated by commas.
 */
final class CostHandler implements Handler {
    private final CostService cost;
    private final FleetOverviewService fleet;
    private final @Nullable Path siteRates;

    /** @param siteRates the owned sites' rates file, for SKU costs and refresh savings; null for none */
    CostHandler(CostService cost, FleetOverviewService fleet, @Nullable Path siteRates) {
        this.cost = requireNonNull(cost, "cost is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.siteRates = siteRates;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("period"), List.of("team"));
        @Nullable Set<String> teams = TeamScope.of(AccessGate.principal(ctx), QueryParameters.list(ctx, "team"));
        // The service answers "no cost lines" as bad input, like a bad period; the API answers missing data 404.
        if (fleet.status().rowCounts().getOrDefault(Kind.COSTS, 0L) == 0) {
            throw new NotFoundException("no cost lines are loaded yet: load them with 'fleetcast ingest costs FILE'");
        }
        String period = parameters.getOrDefault("period", "").trim();
        ctx.json(cost.run(
                CostService.Request.defaults()
                        .withPeriod(period.isEmpty() ? null : period)
                        .withTeams(teams)
                        .withSiteRates(siteRates),
                CostService.Progress.NONE));
    }
}
