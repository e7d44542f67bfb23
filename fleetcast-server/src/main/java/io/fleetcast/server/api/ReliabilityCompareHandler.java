package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.life.FleetLifeService.Segment;
import io.fleetcast.app.life.ReliabilityViewService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/reliability/compare?by=&a=&b=&dist=}: the likelihood-ratio test of two segments. */
final class ReliabilityCompareHandler implements Handler {
    private final ReliabilityViewService reliability;

    ReliabilityCompareHandler(ReliabilityViewService reliability) {
        this.reliability = requireNonNull(reliability, "reliability is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("by", "a", "b", "dist"));
        String a = ReliabilityParameters.required(parameters, "a", "the first segment");
        String b = ReliabilityParameters.required(parameters, "b", "the second segment");
        Segment by = ReliabilityParameters.by(parameters);
        ctx.json(ReliabilityCompareView.of(
                by.name().toLowerCase(Locale.ROOT),
                a,
                b,
                reliability.compare(by, a, b, ReliabilityParameters.distribution(parameters))));
    }
}
