package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.life.ReliabilityViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/** {@code GET /api/reliability/segment?by=&value=&dist=&months=}: one segment's drill-down. */
final class ReliabilitySegmentHandler implements Handler {
    private final ReliabilityViewService reliability;

    ReliabilitySegmentHandler(ReliabilityViewService reliability) {
        this.reliability = requireNonNull(reliability, "reliability is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("by", "value", "dist", "months"));
        String value = ReliabilityParameters.required(parameters, "value", "the segment, e.g. a SKU");
        ctx.json(ReliabilitySegmentView.of(reliability.segment(
                ReliabilityParameters.by(parameters),
                value,
                ReliabilityParameters.distribution(parameters),
                ReliabilityParameters.months(parameters))));
    }
}
