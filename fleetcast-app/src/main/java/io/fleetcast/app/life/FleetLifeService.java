package io.fleetcast.app.life;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.StandardNormal;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.store.LifeStore;
import io.fleetcast.store.life.LifeRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code fleetcast life fleet}: the stored assets' lives (install to failure, or to retirement or the data's last day
 * as a suspension, in days) fitted per segment (SKU, site, region, cluster or batch), ranked by B10 life, and the
 * failures the in-service units can be expected to have in each of the next months.
 */
public final class FleetLifeService {
    private final LifeStore store;

    public FleetLifeService(LifeStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** How to split the fleet. */
    public enum Segment {
        SKU,
        SITE,
        REGION,
        CLUSTER,
        BATCH;

        /** The segment {@code record} is in. */
        String of(LifeRecord record) {
            return switch (this) {
                case SKU -> record.sku();
                case SITE -> record.site();
                case REGION -> record.region();
                case CLUSTER -> record.cluster();
                case BATCH -> record.batch() == null ? "(no batch)" : requireNonNull(record.batch());
            };
        }

        /** The segment named {@code name} (any case). */
        public static Segment parse(String name) {
            for (Segment segment : values()) {
                if (segment.name().equalsIgnoreCase(name)) {
                    return segment;
                }
            }
            throw FleetcastException.badInput(
                    "unknown segment \"" + name + "\"; use sku, site, region, cluster or batch");
        }
    }

    /**
     * One segment's fit.
     *
     * @param segment the segment's value, e.g. the SKU
     * @param units the assets in it
     * @param failures those that failed
     * @param inService those still in service on the data's last day
     * @param params the fitted parameters (empty when it could not be fitted)
     * @param bounds their bounds
     * @param b10Days the B10 life in days, {@code NaN} when not fitted
     * @param b10Bounds its bounds
     * @param note why it was not fitted, or {@code null}
     */
    public record SegmentFit(
            String segment,
            long units,
            long failures,
            long inService,
            ImmutableMap<String, Double> params,
            ImmutableMap<String, ImmutableList<Double>> bounds,
            double b10Days,
            ImmutableList<Double> b10Bounds,
            @Nullable String note) {}

    /**
     * Expected failures of a segment's in-service units in one month, with a 95% interval from the spread of the
     * units' independent failures (the fit's own uncertainty is not included).
     */
    public record MonthForecast(String month, double expected, double lower, double upper) {}

    /** One segment's failure forecast. */
    public record SegmentForecast(String segment, long inService, ImmutableList<MonthForecast> months) {}

    /**
     * The analysis.
     *
     * @param by the segmentation
     * @param distribution the family fitted to each segment
     * @param asOf the data's last day: ages are counted to it, and the forecast starts after it
     * @param segments the segments, fitted ones by B10 life (shortest, the least reliable, first), then the others
     * @param forecast per fitted segment, expected failures per month
     */
    public record Result(
            String by,
            String distribution,
            LocalDate asOf,
            ImmutableList<SegmentFit> segments,
            ImmutableList<SegmentForecast> forecast) {}

    /** Fits {@code family} to each segment {@code by} and forecasts {@code months} months of failures. */
    public Result analyse(Segment by, Family family, int months, double confidence) {
        if (months < 0 || months > 120) {
            throw FleetcastException.badInput("--months must be 0 to 120, got " + months);
        }
        List<LifeRecord> records = store.lifeRecords();
        if (records.isEmpty()) {
            throw FleetcastException.badInput(
                    "the store has no assets; load them first (fleetcast ingest assets FILE)");
        }
        LocalDate asOf = store.asOf();
        Map<String, List<LifeRecord>> bySegment = new TreeMap<>();
        records.forEach(
                r -> bySegment.computeIfAbsent(by.of(r), k -> new ArrayList<>()).add(r));
        List<SegmentFit> fitted = new ArrayList<>();
        List<SegmentFit> unfitted = new ArrayList<>();
        ImmutableList.Builder<SegmentForecast> forecast = ImmutableList.builder();
        bySegment.forEach((segment, members) -> {
            LifeData data = lifeData(members);
            long inService = members.stream()
                    .filter(r -> !r.failed() && r.end().equals(asOf))
                    .count();
            LifeFit fit;
            try {
                fit = MaximumLikelihood.fit(family, data, confidence);
            } catch (IllegalArgumentException e) {
                unfitted.add(new SegmentFit(
                        segment,
                        data.unitCount(),
                        data.failureCount(),
                        inService,
                        ImmutableMap.of(),
                        ImmutableMap.of(),
                        Double.NaN,
                        ImmutableList.of(),
                        e.getMessage()));
                return;
            }
            LifeFit.Bounded b10 = fit.life(0.10);
            fitted.add(new SegmentFit(
                    segment,
                    data.unitCount(),
                    data.failureCount(),
                    inService,
                    fit.distribution().parameters(),
                    fit.bounds(),
                    b10.estimate(),
                    ImmutableList.of(b10.lower(), b10.upper()),
                    null));
            forecast.add(new SegmentForecast(segment, inService, months(fit.distribution(), members, asOf, months)));
        });
        fitted.sort(Comparator.comparingDouble(SegmentFit::b10Days));
        return new Result(
                by.name().toLowerCase(Locale.ROOT),
                family.label(),
                asOf,
                ImmutableList.<SegmentFit>builder()
                        .addAll(fitted)
                        .addAll(unfitted)
                        .build(),
                forecast.build());
    }

    /**
     * Whether segments {@code first} and {@code second} (values of {@code by}) have different lives: the likelihood-ratio
     * test under {@code family}.
     */
    public LikelihoodRatio compare(Segment by, String first, String second, Family family) {
        List<LifeRecord> records = store.lifeRecords();
        List<LifeRecord> a =
                records.stream().filter(r -> by.of(r).equals(first)).toList();
        List<LifeRecord> b =
                records.stream().filter(r -> by.of(r).equals(second)).toList();
        if (a.isEmpty() || b.isEmpty()) {
            throw FleetcastException.badInput(
                    "no assets with " + by.name().toLowerCase(Locale.ROOT) + " " + (a.isEmpty() ? first : second));
        }
        try {
            return LikelihoodRatio.test(family, lifeData(a), lifeData(b), 0.95);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
    }

    /** The records as life data in days; an asset that failed on its install day counts as failed within a day. */
    static LifeData lifeData(List<LifeRecord> records) {
        LifeData.Builder builder = LifeData.builder();
        for (LifeRecord r : records) {
            if (r.failed()) {
                if (r.ageDays() > 0) {
                    builder.failure((double) r.ageDays(), 1);
                } else {
                    builder.failedBefore(1, 1);
                }
            } else {
                builder.suspension((double) r.ageDays(), 1);
            }
        }
        return builder.build();
    }

    private static ImmutableList<MonthForecast> months(
            LifeDistribution distribution, List<LifeRecord> members, LocalDate asOf, int months) {
        double z = StandardNormal.twoSided(0.95);
        ImmutableList.Builder<MonthForecast> result = ImmutableList.builder();
        for (int m = 1; m <= months; m++) {
            long from = ChronoUnit.DAYS.between(asOf, asOf.plusMonths(m - 1));
            long to = ChronoUnit.DAYS.between(asOf, asOf.plusMonths(m));
            double expected = 0;
            double variance = 0;
            for (LifeRecord r : members) {
                if (r.failed() || !r.end().equals(asOf)) {
                    continue;
                }
                double age = r.ageDays();
                double logSurvived = distribution.logSf(age);
                double p = Math.exp(distribution.logSf(age + from) - logSurvived)
                        - Math.exp(distribution.logSf(age + to) - logSurvived);
                expected += p;
                variance += p * (1 - p);
            }
            double sd = Math.sqrt(variance);
            result.add(new MonthForecast(
                    YearMonth.from(asOf.plusMonths(m - 1).plusDays(1)).toString(),
                    expected,
                    Math.max(0, expected - z * sd),
                    expected + z * sd));
        }
        return result.build();
    }
}
