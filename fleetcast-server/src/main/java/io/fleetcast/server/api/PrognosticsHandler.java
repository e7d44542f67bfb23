package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.prognose.PrognosticsService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/prognostics?day=&limit=&k=}: a scored day's riskiest predictions (the newest scored day by default),
 * the days scored, the evaluation of the alerts (top {@code k} a day) and of the models, the day's feature drift, and
 * the daily pipeline's latest runs. Nothing scored yet, or not on {@code day}: not found (404).
 */
final class PrognosticsHandler implements Handler {
    private final PrognosticsService prognostics;

    PrognosticsHandler(PrognosticsService prognostics) {
        this.prognostics = requireNonNull(prognostics, "prognostics is null");
    }

    @Override
    public void handle(Context ctx) {
        Map<String, String> parameters = QueryParameters.single(ctx, List.of("day", "limit", "k"));
        int limit = PrognosticsParameters.limit(parameters);
        int k = PrognosticsParameters.k(parameters);
        List<LocalDate> scoredDays = prognostics.scoredDays();
        if (scoredDays.isEmpty()) {
            // Say what the daily pipeline last did: a run that failed (no failure to learn from yet) explains why.
            throw new NotFoundException(PrognosticsParameters.NO_PREDICTIONS
                    + prognostics.dailyRuns(1).stream()
                            .map(run -> "; the daily pipeline last ran at " + run.startedAt() + ": " + run.status()
                                    + ": " + run.message())
                            .findFirst()
                            .orElse(""));
        }
        LocalDate day = PrognosticsParameters.scoredDay(scoredDays, PrognosticsParameters.day(parameters));
        ctx.json(PrognosticsView.of(
                day,
                scoredDays,
                prognostics.predictions(day),
                limit,
                prognostics.evaluate(k),
                prognostics.drift(day),
                prognostics.dailyRuns(PrognosticsView.DAILY_RUNS)));
    }
}
