package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.life.ReliabilityViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/** {@code GET /api/reliability?by=&dist=&months=}: the segment table and the fleet's failure forecast. */
final class ReliabilityHandler implements Handler {
    private final ReliabilityViewService reliability;

    ReliabilityHandler(ReliabilityViewService reliability) {
        this.reliability = requireNonNull(reliability, "reliability is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("by", "dist", "months"));
        int months = ReliabilityParameters.months(parameters);
        ctx.json(ReliabilityView.of(
                reliability.overview(
                        ReliabilityParameters.by(parameters), ReliabilityParameters.distribution(parameters), months),
                months));
    }
}
