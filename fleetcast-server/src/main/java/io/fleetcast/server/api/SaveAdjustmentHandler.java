package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService;
import io.fleetcast.app.forecast.ForecastViewService.AdjustmentInput;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.auth.AccessGate;
import io.fleetcast.store.plan.StoredAdjustment;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/forecast/adjustments}: stores the manual adjustment in the JSON body, made by the signed-in user,
 * and answers 201 with it as stored (values converted to the canonical unit). A body with an {@code id} that exists
 * replaces that adjustment. New and changed adjustments apply from the next plan version.
 */
final class SaveAdjustmentHandler implements Handler {
    /** The body's fields, in the order the documentation lists them. */
    static final List<String> FIELDS =
            List.of("id", "service", "cluster", "resource", "kind", "value", "unit", "start", "end", "reason");

    private final ForecastViewService forecasts;

    SaveAdjustmentHandler(ForecastViewService forecasts) {
        this.forecasts = requireNonNull(forecasts, "forecasts is null");
    }

    /** The body as sent: every field may be missing; {@link #handle} says which required one is. */
    record Body(
            @Nullable String id,
            @Nullable String service,
            @Nullable String cluster,
            @Nullable String resource,
            @Nullable String kind,
            @Nullable Double value,
            @Nullable String unit,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            @Nullable String reason) {}

    @Override
    public void handle(Context ctx) {
        QueryParameters.single(ctx, List.of());
        Body body = parse(ctx.body());
        AdjustmentInput input = new AdjustmentInput(
                body.id(),
                required("service", body.service()),
                body.cluster(),
                required("resource", body.resource()),
                required("kind", body.kind()),
                required("value", body.value()),
                body.unit(),
                required("start", body.start()),
                body.end(),
                required("reason", body.reason()));
        StoredAdjustment stored =
                forecasts.saveAdjustment(input, AccessGate.principal(ctx).name());
        ctx.status(HttpStatus.CREATED);
        ctx.json(AdjustmentView.of(stored, null));
    }

    private static Body parse(String text) {
        return JsonBodies.parse(text, Body.class, "the adjustment", FIELDS, SaveAdjustmentHandler::expectedOf);
    }

    private static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw FleetcastException.badInput("field \"" + field + "\" is required");
        }
        return value;
    }

    private static String expectedOf(String field) {
        return switch (field) {
            case "start", "end" -> JsonBodies.expected(LocalDate.class);
            case "value" -> JsonBodies.expected(Double.class);
            default -> JsonBodies.expected(String.class);
        };
    }
}
