package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import io.fleetcast.store.PrognosticsStore.SignalDay;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/prognostics/assets/{assetId}?day=&days=}: the asset's daily signals over the {@code days} (60 by
 * default) up to {@code day} (the newest scored day by default), and its predictions on {@code day}. An asset with
 * neither: not found (404).
 */
final class PrognosticsAssetHandler implements Handler {
    private final PrognosticsService prognostics;

    PrognosticsAssetHandler(PrognosticsService prognostics) {
        this.prognostics = requireNonNull(prognostics, "prognostics is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("day", "days"));
        String assetId = ctx.pathParam("assetId");
        int days = PrognosticsParameters.days(parameters);
        @Nullable LocalDate requested = PrognosticsParameters.day(parameters);
        // A day named outright shows the signals even when it was not scored; without one, the newest scored day.
        List<LocalDate> scoredDays = prognostics.scoredDays();
        LocalDate day = requested == null ? PrognosticsParameters.scoredDay(scoredDays, null) : requested;
        List<SignalDay> signals = prognostics.signals(assetId, day, days);
        List<Prediction> predictions = scoredDays.contains(day)
                ? prognostics.predictions(day).stream()
                        .filter(prediction -> prediction.assetId().equals(assetId))
                        .toList()
                : List.of();
        if (signals.isEmpty() && predictions.isEmpty()) {
            throw new NotFoundException("asset " + assetId + " has no telemetry in the " + days + " days to " + day
                    + " and no prediction on " + day);
        }
        ctx.json(PrognosticsAssetView.of(assetId, day, days, signals, predictions));
    }
}
