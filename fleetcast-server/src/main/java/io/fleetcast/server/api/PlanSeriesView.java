package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastViewService.PlanSeries;
import io.fleetcast.app.forecast.ForecastViewService.SeriesSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/forecast/plans/{version}/series}: the series a plan version forecasts, in key order.
 *
 * @param version the plan version (the latest's number when the request said {@code latest})
 * @param createdAt when the plan was written
 * @param description the command that wrote it and what it did
 * @param series its series
 */
public record PlanSeriesView(int version, Instant createdAt, String description, List<SeriesView> series) {
    public PlanSeriesView {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(description, "description is null");
        series = List.copyOf(requireNonNull(series, "series is null"));
    }

    static PlanSeriesView of(PlanSeries plan) {
        return new PlanSeriesView(
                plan.version(),
                plan.createdAt(),
                plan.description(),
                plan.series().stream().map(SeriesView::of).toList());
    }

    /**
     * One series of the plan.
     *
     * @param seriesKey {@code service/cluster/resource}
     * @param unit the canonical unit of its values: {@code cores}, {@code GiB} or {@code TB}
     * @param model the model its forecast came from
     * @param trainEnd the last day of data it was fitted on
     * @param regressors the events and drivers it was fitted with
     * @param adjustments the ids of the manual adjustments the plan applied to it
     */
    public record SeriesView(
            String seriesKey,
            String unit,
            String model,
            LocalDate trainEnd,
            List<String> regressors,
            List<String> adjustments) {
        public SeriesView {
            requireNonNull(seriesKey, "seriesKey is null");
            requireNonNull(unit, "unit is null");
            requireNonNull(model, "model is null");
            requireNonNull(trainEnd, "trainEnd is null");
            regressors = List.copyOf(requireNonNull(regressors, "regressors is null"));
            adjustments = List.copyOf(requireNonNull(adjustments, "adjustments is null"));
        }

        static SeriesView of(SeriesSummary series) {
            return new SeriesView(
                    series.seriesKey(),
                    series.unit(),
                    series.model(),
                    ForecastSeriesView.day(series.trainEnd()),
                    series.regressors(),
                    series.adjustments());
        }
    }
}
