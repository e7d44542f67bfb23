package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.life.FleetLifeService.MonthForecast;
import io.fleetcast.app.life.FleetLifeService.SegmentFit;
import io.fleetcast.app.life.FleetLifeService.SegmentForecast;
import io.fleetcast.app.life.ReliabilityViewService;
import io.fleetcast.app.life.ReliabilityViewService.Expected;
import io.fleetcast.app.life.ReliabilityViewService.Overview;
import io.fleetcast.reliability.fit.LifeFit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/reliability}: the stored assets' lives (in days) fitted per segment and ranked by B10 life, with the
 * fleet's expected failures per month. Non-finite numbers are {@code null}.
 *
 * @param by the segmentation: {@code sku}, {@code site}, {@code region}, {@code cluster} or {@code batch}
 * @param distribution the family fitted to each segment, e.g. {@code Weibull_2P}
 * @param confidence the two-sided level of every bound
 * @param asOf the data's last day, to which ages are counted; {@code null} when no assets are stored
 * @param months the months forecast
 * @param totals the fleet's units, failures and units in service, and the outlook
 * @param segments fitted segments by B10 life (shortest first), then the ones that could not be fitted
 * @param forecast expected failures per month, summed over the fitted segments
 * @param segmentForecasts each fitted segment's expected failures per month, in the order of {@code segments}' names
 */
public record ReliabilityView(
        String by,
        String distribution,
        double confidence,
        @Nullable LocalDate asOf,
        int months,
        TotalsView totals,
        List<SegmentView> segments,
        List<MonthView> forecast,
        List<SegmentForecastView> segmentForecasts) {
    public ReliabilityView {
        requireNonNull(by, "by is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(totals, "totals is null");
        segments = ImmutableList.copyOf(segments);
        forecast = ImmutableList.copyOf(forecast);
        segmentForecasts = ImmutableList.copyOf(segmentForecasts);
    }

    static ReliabilityView of(Overview overview, int months) {
        return new ReliabilityView(
                overview.by(),
                overview.distribution(),
                ReliabilityViewService.CONFIDENCE,
                overview.asOf().orElse(null),
                months,
                new TotalsView(
                        overview.units(),
                        overview.failures(),
                        overview.inService(),
                        overview.outlookMonths(),
                        ExpectedView.of(overview.outlook())),
                overview.segments().stream().map(SegmentView::of).toList(),
                overview.fleetForecast().stream()
                        .map(month -> MonthView.of(month.month(), month.failures()))
                        .toList(),
                overview.segmentForecasts().stream()
                        .map(SegmentForecastView::of)
                        .toList());
    }

    static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * The fleet's totals.
     *
     * @param units stored assets
     * @param failures those that failed
     * @param inService those in service on {@code as_of}
     * @param outlookMonths the months {@code outlook} covers: 3, or fewer when fewer are forecast
     * @param outlook expected failures of the in-service units over those months, with a 95% interval
     */
    public record TotalsView(long units, long failures, long inService, int outlookMonths, ExpectedView outlook) {
        public TotalsView {
            requireNonNull(outlook, "outlook is null");
        }
    }

    /** An expected number of failures with its interval. */
    public record ExpectedView(
            @Nullable Double expected,
            @Nullable Double lower,
            @Nullable Double upper) {
        static ExpectedView of(Expected expected) {
            return new ExpectedView(finite(expected.expected()), finite(expected.lower()), finite(expected.upper()));
        }
    }

    /** An estimate with its two-sided confidence bounds. */
    public record BoundedView(
            @Nullable Double estimate,
            @Nullable Double lower,
            @Nullable Double upper) {
        static BoundedView of(LifeFit.Bounded bounded) {
            return new BoundedView(finite(bounded.estimate()), finite(bounded.lower()), finite(bounded.upper()));
        }

        static BoundedView of(double estimate, @Nullable List<Double> bounds) {
            return bounds == null || bounds.size() != 2
                    ? new BoundedView(finite(estimate), null, null)
                    : new BoundedView(finite(estimate), finite(bounds.get(0)), finite(bounds.get(1)));
        }
    }

    /** The fitted parameters by Fleetcast's names, in the family's order, each with its bounds. */
    static Map<String, BoundedView> parametersOf(
            Map<String, Double> estimates, Map<String, ? extends List<Double>> bounds) {
        ImmutableMap.Builder<String, BoundedView> parameters = ImmutableMap.builder();
        estimates.forEach((name, value) -> parameters.put(name, BoundedView.of(value, bounds.get(name))));
        return parameters.buildOrThrow();
    }

    /**
     * One segment's row.
     *
     * @param segment its value, e.g. the SKU
     * @param units its assets
     * @param failures those that failed
     * @param inService those in service on {@code as_of}
     * @param parameters the fitted parameters with bounds; empty when not fitted
     * @param b10Days the age in days by which 10% fail, with bounds; {@code null} when not fitted
     * @param note why it was not fitted; {@code null} when it was
     */
    public record SegmentView(
            String segment,
            long units,
            long failures,
            long inService,
            Map<String, BoundedView> parameters,
            @Nullable BoundedView b10Days,
            @Nullable String note) {
        public SegmentView {
            requireNonNull(segment, "segment is null");
            parameters = ImmutableMap.copyOf(parameters);
        }

        static SegmentView of(SegmentFit fit) {
            boolean fitted = fit.note() == null;
            return new SegmentView(
                    fit.segment(),
                    fit.units(),
                    fit.failures(),
                    fit.inService(),
                    parametersOf(fit.params(), fit.bounds()),
                    fitted ? BoundedView.of(fit.b10(), fit.b10Bounds()) : null,
                    fit.note());
        }
    }

    /**
     * Expected failures in one month.
     *
     * @param month {@code YYYY-MM}
     */
    public record MonthView(
            String month,
            @Nullable Double expected,
            @Nullable Double lower,
            @Nullable Double upper) {
        public MonthView {
            requireNonNull(month, "month is null");
        }

        static MonthView of(String month, Expected failures) {
            return new MonthView(
                    month, finite(failures.expected()), finite(failures.lower()), finite(failures.upper()));
        }

        static MonthView of(MonthForecast month) {
            return of(month.month(), new Expected(month.expected(), month.lower(), month.upper()));
        }
    }

    /** One segment's forecast: its units in service and their expected failures per month. */
    public record SegmentForecastView(String segment, long inService, List<MonthView> months) {
        public SegmentForecastView {
            requireNonNull(segment, "segment is null");
            months = ImmutableList.copyOf(months);
        }

        static SegmentForecastView of(SegmentForecast forecast) {
            return new SegmentForecastView(
                    forecast.segment(),
                    forecast.inService(),
                    forecast.months().stream().map(MonthView::of).toList());
        }
    }
}
