package io.fleetcast.server.api;

import static io.fleetcast.server.api.ReliabilityView.finite;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.life.ReliabilityViewService;
import io.fleetcast.app.life.ReliabilityViewService.CurvePoint;
import io.fleetcast.app.life.ReliabilityViewService.Fitted;
import io.fleetcast.app.life.ReliabilityViewService.SegmentDetail;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.nonparametric.SurvivalStep;
import io.fleetcast.server.api.ReliabilityView.BoundedView;
import io.fleetcast.server.api.ReliabilityView.MonthView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/reliability/segment}: one segment's lives (in days) in detail: its fit, the Kaplan–Meier estimate
 * with Greenwood bounds, the fitted reliability with bounds and the hazard on a grid of ages, and its expected failures
 * per month. Non-finite numbers are {@code null}.
 *
 * @param by the segmentation
 * @param value the segment
 * @param distribution the family fitted
 * @param confidence the two-sided level of every bound
 * @param asOf the data's last day, to which ages are counted
 * @param units the segment's assets
 * @param failures those that failed
 * @param inService those in service on {@code as_of}
 * @param fit the fit; {@code null} when the family could not be fitted
 * @param note why it was not fitted; {@code null} when it was
 * @param kaplanMeier the Kaplan–Meier estimate just after each age at which units failed
 * @param curve the fitted reliability and hazard at evenly spaced ages; empty when not fitted
 * @param forecast the in-service units' expected failures per month; empty when not fitted
 */
public record ReliabilitySegmentView(
        String by,
        String value,
        String distribution,
        double confidence,
        LocalDate asOf,
        long units,
        long failures,
        long inService,
        @Nullable FitView fit,
        @Nullable String note,
        List<StepView> kaplanMeier,
        List<CurvePointView> curve,
        List<MonthView> forecast) {
    public ReliabilitySegmentView {
        requireNonNull(by, "by is null");
        requireNonNull(value, "value is null");
        requireNonNull(distribution, "distribution is null");
        requireNonNull(asOf, "asOf is null");
        kaplanMeier = ImmutableList.copyOf(kaplanMeier);
        curve = ImmutableList.copyOf(curve);
        forecast = ImmutableList.copyOf(forecast);
    }

    static ReliabilitySegmentView of(SegmentDetail detail) {
        return new ReliabilitySegmentView(
                detail.by(),
                detail.value(),
                detail.distribution(),
                ReliabilityViewService.CONFIDENCE,
                detail.asOf(),
                detail.units(),
                detail.failures(),
                detail.inService(),
                detail.fitted().map(FitView::of).orElse(null),
                detail.note(),
                detail.kaplanMeier().stream().map(StepView::of).toList(),
                detail.curve().stream().map(CurvePointView::of).toList(),
                detail.forecast().stream().map(MonthView::of).toList());
    }

    /**
     * A segment's fit.
     *
     * @param parameters the estimates by Fleetcast's names with their bounds (Fisher matrix)
     * @param b10Days the age in days by which 10% fail, with bounds
     * @param mttfDays the mean life in days, with bounds
     * @param logLikelihood the log-likelihood at the estimates
     */
    public record FitView(
            Map<String, BoundedView> parameters, BoundedView b10Days, BoundedView mttfDays, double logLikelihood) {
        public FitView {
            parameters = ImmutableMap.copyOf(parameters);
            requireNonNull(b10Days, "b10Days is null");
            requireNonNull(mttfDays, "mttfDays is null");
        }

        static FitView of(Fitted fitted) {
            LifeFit fit = fitted.fit();
            return new FitView(
                    ReliabilityView.parametersOf(fit.distribution().parameters(), fit.bounds()),
                    BoundedView.of(fitted.b10Days()),
                    BoundedView.of(fitted.mttfDays()),
                    fit.logLikelihood());
        }
    }

    /**
     * The Kaplan–Meier estimate just after an age at which units failed.
     *
     * @param ageDays the age in days
     * @param atRisk units still working just before it
     * @param failures units that failed at it
     * @param reliability the estimated reliability just after it
     * @param lower its lower Greenwood bound (0 where there is none)
     * @param upper its upper Greenwood bound (1 where there is none)
     */
    public record StepView(double ageDays, long atRisk, long failures, double reliability, double lower, double upper) {
        static StepView of(SurvivalStep step) {
            return new StepView(
                    step.time(), step.atRisk(), step.failures(), step.survival(), step.lower(), step.upper());
        }
    }

    /**
     * The fitted distribution at one age.
     *
     * @param ageDays the age in days
     * @param reliability R(t), the probability of working past it
     * @param lower its lower bound (Fisher matrix, logit scale)
     * @param upper its upper bound
     * @param hazardPerDay the failure rate h(t): failures per working unit per day
     */
    public record CurvePointView(
            double ageDays,
            @Nullable Double reliability,
            @Nullable Double lower,
            @Nullable Double upper,
            @Nullable Double hazardPerDay) {
        static CurvePointView of(CurvePoint point) {
            return new CurvePointView(
                    point.ageDays(),
                    finite(point.reliability().estimate()),
                    finite(point.reliability().lower()),
                    finite(point.reliability().upper()),
                    finite(point.hazardPerDay()));
        }
    }
}
