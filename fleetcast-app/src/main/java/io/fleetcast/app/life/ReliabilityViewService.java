package io.fleetcast.app.life;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.app.life.FleetLifeService.MonthForecast;
import io.fleetcast.app.life.FleetLifeService.Segment;
import io.fleetcast.app.life.FleetLifeService.SegmentFit;
import io.fleetcast.app.life.FleetLifeService.SegmentForecast;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.nonparametric.Survival;
import io.fleetcast.reliability.nonparametric.SurvivalStep;
import io.fleetcast.store.LifeStore;
import io.fleetcast.store.life.LifeRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard's Reliability page shows: the segment table and fleet failure forecast of {@link FleetLifeService},
 * with fleet totals, and one segment's drill-down (its fit, Kaplan–Meier curve, fitted reliability and hazard on a grid
 * of ages, monthly forecast). Lives are in days, from install to failure, or to retirement or the data's last day as a
 * suspension. Bounds are two-sided at {@value #CONFIDENCE}.
 */
public final class ReliabilityViewService {
    /** The confidence level of every bound the page shows. */
    public static final double CONFIDENCE = 0.95;

    /** The months the "next months" outlook covers (fewer when fewer are forecast). */
    public static final int OUTLOOK_MONTHS = 3;

    /** The most months a forecast may cover. */
    public static final int MAX_MONTHS = 120;

    /** Points of the fitted curves between the first and the last age of the grid. */
    static final int GRID_POINTS = 80;

    private final LifeStore store;
    private final FleetLifeService life;

    public ReliabilityViewService(LifeStore store, FleetLifeService life) {
        this.store = requireNonNull(store, "store is null");
        this.life = requireNonNull(life, "life is null");
    }

    /**
     * Expected failures over a span, with a 95% interval.
     *
     * @param expected the expected number of failures
     * @param lower the interval's lower end (at least 0)
     * @param upper its upper end
     */
    public record Expected(double expected, double lower, double upper) {}

    /**
     * The fleet's expected failures in one month: the sum over the fitted segments.
     *
     * @param month {@code YYYY-MM}
     * @param failures the expected failures with a 95% interval; the segments' half-widths are added in quadrature, as
     *     segments are fitted apart and their units fail independently
     */
    public record FleetMonth(String month, Expected failures) {}

    /**
     * The segment table and the fleet's failure forecast.
     *
     * @param by the segmentation, e.g. {@code sku}
     * @param distribution the family fitted, e.g. {@code Weibull_2P}
     * @param asOf the data's last day; empty when no assets are stored
     * @param units the stored assets
     * @param failures those that failed
     * @param inService those in service on {@code asOf}
     * @param outlookMonths the months {@code outlook} covers: {@value #OUTLOOK_MONTHS}, or fewer when fewer are forecast
     * @param outlook the fitted segments' expected failures over the next {@code outlookMonths} months; each segment's
     *     interval is the sum of its monthly bounds (valid whatever the months' correlation), the segments' are added
     *     in quadrature
     * @param segments the segments as {@link FleetLifeService#analyse} ranks them: fitted ones by B10 life, then the rest
     * @param fleetForecast expected failures per month, summed over the fitted segments
     * @param segmentForecasts each fitted segment's monthly forecast
     */
    public record Overview(
            String by,
            String distribution,
            Optional<LocalDate> asOf,
            long units,
            long failures,
            long inService,
            int outlookMonths,
            Expected outlook,
            ImmutableList<SegmentFit> segments,
            ImmutableList<FleetMonth> fleetForecast,
            ImmutableList<SegmentForecast> segmentForecasts) {}

    /**
     * A fit of one segment.
     *
     * @param fit the estimates, bounds and likelihood
     * @param b10Days the B10 life (10% failed) in days, with bounds
     * @param mttfDays the mean life in days, with bounds
     */
    public record Fitted(LifeFit fit, LifeFit.Bounded b10Days, LifeFit.Bounded mttfDays) {}

    /**
     * The fitted distribution at one age.
     *
     * @param ageDays the age in days
     * @param reliability R(t) with bounds (Fisher matrix, logit scale)
     * @param hazardPerDay the failure rate h(t), failures per surviving unit per day
     */
    public record CurvePoint(double ageDays, LifeFit.Bounded reliability, double hazardPerDay) {}

    /**
     * One segment in detail.
     *
     * @param by the segmentation
     * @param value the segment, e.g. the SKU
     * @param distribution the family fitted
     * @param asOf the data's last day
     * @param units the segment's assets
     * @param failures those that failed
     * @param inService those in service on {@code asOf}
     * @param fitted the fit; empty when the family could not be fitted (then {@code note} says why)
     * @param note why it was not fitted, or {@code null}
     * @param kaplanMeier the Kaplan–Meier estimate at each failure age, with Greenwood bounds (an asset that failed on
     *     its install day counts as failed at age 0)
     * @param curve the fitted reliability and hazard from the grid's first age to past the oldest unit; empty when not
     *     fitted
     * @param forecast the segment's expected failures per month; empty when not fitted
     */
    public record SegmentDetail(
            String by,
            String value,
            String distribution,
            LocalDate asOf,
            long units,
            long failures,
            long inService,
            Optional<Fitted> fitted,
            @Nullable String note,
            ImmutableList<SurvivalStep> kaplanMeier,
            ImmutableList<CurvePoint> curve,
            ImmutableList<MonthForecast> forecast) {}

    /**
     * The segment table, the fleet's totals and its failure forecast for {@code months} months (0 to 120). With no
     * stored assets, every list is empty and {@code asOf} is empty.
     *
     * @throws FleetcastException {@code BAD_INPUT} for {@code months} out of range
     */
    public Overview overview(Segment by, Family family, int months) {
        checkMonths(months);
        String byName = name(by);
        if (store.lifeRecords().isEmpty()) {
            return new Overview(
                    byName,
                    family.label(),
                    Optional.empty(),
                    0,
                    0,
                    0,
                    Math.min(OUTLOOK_MONTHS, months),
                    new Expected(0, 0, 0),
                    ImmutableList.of(),
                    ImmutableList.of(),
                    ImmutableList.of());
        }
        FleetLifeService.Result result = life.analyse(by, family, months, CONFIDENCE);
        long units = 0;
        long failures = 0;
        long inService = 0;
        for (SegmentFit segment : result.segments()) {
            units += segment.units();
            failures += segment.failures();
            inService += segment.inService();
        }
        int outlookMonths = Math.min(OUTLOOK_MONTHS, months);
        List<Expected> outlooks = new ArrayList<>();
        for (SegmentForecast forecast : result.forecast()) {
            double expected = 0;
            double lower = 0;
            double upper = 0;
            for (MonthForecast month : forecast.months().subList(0, outlookMonths)) {
                expected += month.expected();
                lower += month.lower();
                upper += month.upper();
            }
            outlooks.add(new Expected(expected, lower, upper));
        }
        ImmutableList.Builder<FleetMonth> fleet = ImmutableList.builder();
        for (int m = 0; m < months; m++) {
            List<Expected> parts = new ArrayList<>();
            String label = "";
            for (SegmentForecast forecast : result.forecast()) {
                MonthForecast month = forecast.months().get(m);
                label = month.month();
                parts.add(new Expected(month.expected(), month.lower(), month.upper()));
            }
            if (!parts.isEmpty()) {
                fleet.add(new FleetMonth(label, inQuadrature(parts)));
            }
        }
        return new Overview(
                result.by(),
                result.distribution(),
                Optional.ofNullable(result.asOf()),
                units,
                failures,
                inService,
                outlookMonths,
                inQuadrature(outlooks),
                result.segments(),
                fleet.build(),
                result.forecast());
    }

    /**
     * The sum of independent expectations: their expected values add, and so do the squares of their half-widths below
     * and above (a normal approximation); the lower end stays at least 0.
     */
    static Expected inQuadrature(List<Expected> parts) {
        double expected = 0;
        double below = 0;
        double above = 0;
        for (Expected part : parts) {
            expected += part.expected();
            below += square(part.expected() - part.lower());
            above += square(part.upper() - part.expected());
        }
        return new Expected(expected, Math.max(0, expected - Math.sqrt(below)), expected + Math.sqrt(above));
    }

    private static double square(double x) {
        return x * x;
    }

    /** The values of {@code by} the stored assets have, in order; empty when no assets are stored. */
    public ImmutableSortedSet<String> values(Segment by) {
        return store.lifeRecords().stream()
                .map(by::of)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /**
     * Segment {@code value} of {@code by} in detail, with {@code months} (0 to 120) months of forecast.
     *
     * @throws UnknownScopeException when no stored asset is in the segment (or none is stored)
     * @throws FleetcastException {@code BAD_INPUT} for {@code months} out of range
     */
    public SegmentDetail segment(Segment by, String value, Family family, int months) {
        checkMonths(months);
        List<LifeRecord> members = members(by, value);
        LocalDate asOf = store.asOf();
        FleetLifeService.Result result = life.analyse(by, family, months, CONFIDENCE);
        SegmentFit row = result.segments().stream()
                .filter(segment -> segment.segment().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the analysis lost segment " + value));
        ImmutableList<MonthForecast> forecast = result.forecast().stream()
                .filter(segment -> segment.segment().equals(value))
                .findFirst()
                .map(SegmentForecast::months)
                .orElse(ImmutableList.of());
        ImmutableList<SurvivalStep> kaplanMeier = Survival.kaplanMeier(kaplanMeierData(members), CONFIDENCE);
        double oldest = members.stream().mapToLong(LifeRecord::ageDays).max().orElse(0);
        Optional<Fitted> fitted = Optional.empty();
        ImmutableList<CurvePoint> curve = ImmutableList.of();
        if (row.note() == null) {
            LifeFit fit = MaximumLikelihood.fit(family, lifeData(members), CONFIDENCE);
            fitted = Optional.of(new Fitted(fit, fit.life(0.10), fit.meanLife()));
            curve = curve(fit, oldest);
        }
        return new SegmentDetail(
                result.by(),
                value,
                result.distribution(),
                asOf,
                row.units(),
                row.failures(),
                row.inService(),
                fitted,
                row.note(),
                kaplanMeier,
                curve,
                forecast);
    }

    /**
     * Whether segments {@code first} and {@code second} of {@code by} have different lives under {@code family}: the
     * likelihood-ratio test of {@link FleetLifeService#compare}.
     *
     * @throws UnknownScopeException when either segment has no stored asset
     * @throws FleetcastException {@code BAD_INPUT} when either has too few failures to fit
     */
    public LikelihoodRatio compare(Segment by, String first, String second, Family family) {
        members(by, first);
        members(by, second);
        try {
            return life.compare(by, first, second, family);
        } catch (FleetcastException e) {
            throw new FleetcastException(
                    e.kind(), "comparing " + name(by) + " " + first + " with " + second + ": " + e.getMessage(), e);
        }
    }

    private List<LifeRecord> members(Segment by, String value) {
        List<LifeRecord> records = store.lifeRecords();
        if (records.isEmpty()) {
            throw new UnknownScopeException("no assets are stored yet; load them first (fleetcast ingest assets FILE)");
        }
        List<LifeRecord> members =
                records.stream().filter(r -> by.of(r).equals(value)).toList();
        if (members.isEmpty()) {
            throw new UnknownScopeException(
                    "unknown " + name(by) + " \"" + value + "\"; known: " + String.join(", ", values(by)));
        }
        return members;
    }

    /**
     * The fitted reliability with bounds and the hazard at {@value #GRID_POINTS} ages evenly spaced up to a quarter past
     * the oldest unit's age (at least 30 days); age 0, where the logit bounds do not exist, is left out.
     */
    static ImmutableList<CurvePoint> curve(LifeFit fit, double oldestDays) {
        double last = Math.max(30, Math.ceil(oldestDays * 1.25));
        LifeDistribution distribution = fit.distribution();
        ImmutableList.Builder<CurvePoint> points = ImmutableList.builder();
        for (int i = 1; i <= GRID_POINTS; i++) {
            double age = last * i / GRID_POINTS;
            points.add(new CurvePoint(age, fit.reliability(age), distribution.hazard(age)));
        }
        return points.build();
    }

    /**
     * The records as life data in days for fitting, as {@code FleetLifeService.lifeData} makes them: an asset that failed
     * on its install day counts as failed within its first day (left-censored), since the usual families have no
     * failures at age 0.
     */
    static LifeData lifeData(List<LifeRecord> records) {
        return FleetLifeService.lifeDataInDays(records);
    }

    /** The records as exact failures and suspensions in days for Kaplan–Meier, which takes a failure at age 0 as is. */
    static LifeData kaplanMeierData(List<LifeRecord> records) {
        return data(records);
    }

    private static LifeData data(List<LifeRecord> records) {
        LifeData.Builder builder = LifeData.builder();
        for (LifeRecord r : records) {
            if (!r.failed()) {
                builder.suspension((double) r.ageDays(), 1);
            } else {
                builder.failure((double) r.ageDays(), 1);
            }
        }
        return builder.build();
    }

    private static void checkMonths(int months) {
        if (months < 0 || months > MAX_MONTHS) {
            throw FleetcastException.badInput("months must be 0 to " + MAX_MONTHS + ", got " + months);
        }
    }

    private static String name(Segment by) {
        return by.name().toLowerCase(Locale.ROOT);
    }
}
