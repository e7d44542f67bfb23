package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.auth.AccessGate;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/prognostics/predictions/{id}/review}: records the signed-in user's verdict on prediction {@code id}
 * ({@code {"verdict": "confirm|reject|defer", "note": "..."}}) and answers the prediction with it. The next training
 * run learns from it. A malformed body or verdict: 400; an unknown prediction: 404.
 */
final class ReviewPredictionHandler implements Handler {
    /** The body's fields, in the order the documentation lists them. */
    static final List<String> FIELDS = List.of("verdict", "note");

    private final PrognosticsService prognostics;

    ReviewPredictionHandler(PrognosticsService prognostics) {
        this.prognostics = requireNonNull(prognostics, "prognostics is null");
    }

    /** The body as sent: every field may be missing; {@link #handle} says which required one is. */
    record Body(@Nullable String verdict, @Nullable String note) {}

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        long id = predictionId(ctx.pathParam("id"));
        Body body = parse(ctx.body());
        String verdict = body.verdict();
        if (verdict == null || verdict.isBlank()) {
            throw FleetcastException.badInput("field \"verdict\" is required: confirm, reject or defer");
        }
        String note = body.note() == null ? "" : body.note();
        if (prognostics.prediction(id).isEmpty()) {
            throw new NotFoundException("no prediction has id " + id);
        }
        Prediction reviewed = prognostics.review(
                id, verdict.trim(), note, AccessGate.principal(ctx).name());
        ctx.json(PredictionView.of(reviewed));
    }

    private static long predictionId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT, "a prediction id is a whole number, got \"" + text + "\"", e);
        }
    }

    private static Body parse(String text) {
        return JsonBodies.parse(text, Body.class, "the review", FIELDS, field -> JsonBodies.expected(String.class));
    }
}
