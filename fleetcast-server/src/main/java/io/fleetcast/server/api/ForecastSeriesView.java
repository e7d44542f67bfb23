package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService.SeriesView;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.StoredEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/forecast/series}: one series of a plan version, for the chart: its recent history, its statistical
 * forecast with 80% and 95% intervals, the adjusted forecast, the events in its scope over the span shown, and the
 * stored adjustments that concern it. Quantities are in {@code unit}; non-finite numbers are {@code null}.
 *
 * @param version the plan version
 * @param grain the plan's grain: {@code hour}, {@code day}, {@code week} or {@code month}
 * @param seriesKey {@code service/cluster/resource}
 * @param unit the canonical unit: {@code cores}, {@code GiB} or {@code TB}
 * @param provenance how the forecast was made
 * @param history the stored periods up to the last one of training (periods without data are absent); each {@code
 *     date} is the period's start: a day {@code 2026-06-29} (for days, weeks and months) or an hour {@code
 *     2026-06-29T13:00:00Z}
 * @param forecast the statistical forecast, one point per period from the one after the last of training
 * @param adjusted the same periods with the plan's adjustments applied; empty when none applies
 * @param reconciled the same periods as the plan made them coherent across org → team → service and region → site →
 *     cluster (the adjustments then apply on top of it); empty when the plan is not reconciled
 * @param events the special events in the series' scope that touch the span shown
 * @param adjustments every stored adjustment that concerns the series, with whether this plan applied it
 */
public record ForecastSeriesView(
        int version,
        String grain,
        String seriesKey,
        String unit,
        ProvenanceView provenance,
        List<HistoryDayView> history,
        List<PointView> forecast,
        List<PointView> adjusted,
        List<PointView> reconciled,
        List<EventView> events,
        List<AdjustmentView> adjustments) {
    public ForecastSeriesView {
        requireNonNull(seriesKey, "seriesKey is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(provenance, "provenance is null");
        history = List.copyOf(requireNonNull(history, "history is null"));
        forecast = List.copyOf(requireNonNull(forecast, "forecast is null"));
        adjusted = List.copyOf(requireNonNull(adjusted, "adjusted is null"));
        reconciled = List.copyOf(requireNonNull(reconciled, "reconciled is null"));
        events = List.copyOf(requireNonNull(events, "events is null"));
        adjustments = List.copyOf(requireNonNull(adjustments, "adjustments is null"));
    }

    static ForecastSeriesView of(SeriesView series) {
        DemandGrain grain = series.grain();
        return new ForecastSeriesView(
                series.version(),
                grain.code(),
                series.seriesKey(),
                series.unit(),
                ProvenanceView.of(series),
                series.history().stream()
                        .map(point -> new HistoryDayView(grain.label(point.ts()), point.used()))
                        .toList(),
                series.forecast().stream()
                        .map(point -> PointView.of(grain, point))
                        .toList(),
                series.adjusted().stream()
                        .map(point -> PointView.of(grain, point))
                        .toList(),
                series.reconciled().stream()
                        .map(point -> PointView.of(grain, point))
                        .toList(),
                series.events().stream().map(EventView::of).toList(),
                series.adjustments().stream()
                        .map(view -> AdjustmentView.of(view.adjustment(), view.applied()))
                        .toList());
    }

    /** The day (UTC) that starts at {@code start}: stored days and forecast steps are instants at midnight UTC. */
    static LocalDate day(Instant start) {
        return start.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * How the forecast was made.
     *
     * @param model the model the automatic method chose (or the one asked for)
     * @param parameters its fitted parameters, by name, in the model's order
     * @param trainStart the first day of data it was fitted on
     * @param trainEnd the last day of data it was fitted on
     * @param trainRows the days it was fitted on
     * @param regressors the events and drivers it was fitted with
     * @param scenarios the driver scenarios it was made under
     */
    public record ProvenanceView(
            String model,
            Map<String, @Nullable Double> parameters,
            LocalDate trainStart,
            LocalDate trainEnd,
            long trainRows,
            List<String> regressors,
            List<String> scenarios) {
        public ProvenanceView {
            requireNonNull(model, "model is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(trainStart, "trainStart is null");
            requireNonNull(trainEnd, "trainEnd is null");
            regressors = List.copyOf(requireNonNull(regressors, "regressors is null"));
            scenarios = List.copyOf(requireNonNull(scenarios, "scenarios is null"));
        }

        static ProvenanceView of(SeriesView series) {
            // Insertion order, kept; a LinkedHashMap because a parameter may be NaN, written as null.
            Map<String, @Nullable Double> parameters = new LinkedHashMap<>();
            series.parameters().forEach((name, value) -> parameters.put(name, finite(value)));
            return new ProvenanceView(
                    series.model(),
                    Collections.unmodifiableMap(parameters),
                    day(series.trainStart()),
                    day(series.trainEnd()),
                    series.trainRows(),
                    series.regressors(),
                    series.scenarios());
        }
    }

    /** One period of data: its average {@code used}, in the series' unit. */
    public record HistoryDayView(String date, double used) {
        public HistoryDayView {
            requireNonNull(date, "date is null");
        }
    }

    /** One forecast period: the point forecast and its 80% and 95% prediction intervals. */
    public record PointView(
            String date,
            double mean,
            @Nullable Double lo80,
            @Nullable Double hi80,
            @Nullable Double lo95,
            @Nullable Double hi95) {
        public PointView {
            requireNonNull(date, "date is null");
        }

        static PointView of(DemandGrain grain, ForecastPoint point) {
            return new PointView(
                    grain.label(point.ts()),
                    point.mean(),
                    finite(point.lo80()),
                    finite(point.hi80()),
                    finite(point.lo95()),
                    finite(point.hi95()));
        }
    }

    /**
     * A special event.
     *
     * @param kind {@code holiday} or {@code one_off}
     * @param end the last day (inclusive)
     * @param scope {@code global}, {@code region} or {@code service}
     * @param scopeValue the region or service; {@code null} for a global event
     */
    public record EventView(
            String name,
            String kind,
            LocalDate start,
            LocalDate end,
            String scope,
            @Nullable String scopeValue) {
        public EventView {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            requireNonNull(scope, "scope is null");
        }

        static EventView of(StoredEvent event) {
            return new EventView(
                    event.name(), event.kind(), event.start(), event.end(), event.scope(), event.scopeValue());
        }
    }
}
