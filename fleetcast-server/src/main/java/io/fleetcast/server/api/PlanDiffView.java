package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.PlanDiff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/forecast/diff?from=V1&to=V2}: what changed per series from one plan version to another.
 *
 * @param from the older side, as asked
 * @param to the newer side, as asked
 * @param series every series in either plan, in key order
 */
public record PlanDiffView(int from, int to, List<SeriesChangeView> series) {
    public PlanDiffView {
        series = List.copyOf(requireNonNull(series, "series is null"));
    }

    static PlanDiffView of(PlanDiff diff) {
        return new PlanDiffView(
                diff.fromVersion(),
                diff.toVersion(),
                diff.series().stream().map(SeriesChangeView::of).toList());
    }

    /**
     * One series' change. Values of one side are {@code null} when the series is not in that plan.
     *
     * @param status {@code added}, {@code removed}, {@code changed} or {@code unchanged}
     * @param reasons what caused the change: {@code new data}, {@code model change}, {@code inputs change}, {@code
     *     refit on the same data}, {@code horizon change}, {@code adjustment}; empty unless changed
     * @param rowsAdded training days added
     * @param commonDays forecast days both plans cover
     * @param meanBefore the mean forecast (adjusted where adjustments apply) over the common days, in the series'
     *     canonical unit; {@code null} without common days
     * @param percentChange {@code 100 (after - before) / |before|}; {@code null} without common days or when before
     *     is 0
     * @param explanation one line for people
     */
    public record SeriesChangeView(
            String seriesKey,
            String status,
            List<String> reasons,
            @Nullable String modelBefore,
            @Nullable String modelAfter,
            @Nullable LocalDate trainEndBefore,
            @Nullable LocalDate trainEndAfter,
            long rowsAdded,
            int commonDays,
            List<String> adjustmentsBefore,
            List<String> adjustmentsAfter,
            @Nullable Double meanBefore,
            @Nullable Double meanAfter,
            @Nullable Double percentChange,
            String explanation) {
        public SeriesChangeView {
            requireNonNull(seriesKey, "seriesKey is null");
            requireNonNull(status, "status is null");
            reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
            adjustmentsBefore = List.copyOf(requireNonNull(adjustmentsBefore, "adjustmentsBefore is null"));
            adjustmentsAfter = List.copyOf(requireNonNull(adjustmentsAfter, "adjustmentsAfter is null"));
            requireNonNull(explanation, "explanation is null");
        }

        static SeriesChangeView of(PlanDiff.SeriesChange change) {
            return new SeriesChangeView(
                    change.seriesKey(),
                    change.status(),
                    change.reasons(),
                    change.modelBefore(),
                    change.modelAfter(),
                    day(change.trainEndBefore()),
                    day(change.trainEndAfter()),
                    change.rowsAdded(),
                    change.commonDays(),
                    change.adjustmentsBefore(),
                    change.adjustmentsAfter(),
                    change.meanBefore(),
                    change.meanAfter(),
                    change.percentChange(),
                    change.explanation());
        }

        private static @Nullable LocalDate day(@Nullable Instant start) {
            return start == null ? null : ForecastSeriesView.day(start);
        }
    }
}
