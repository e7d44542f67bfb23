package io.fleetcast.app.life;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.LikelihoodRatio;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.fleet.FailureForecast;
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
 * as a suspension, in days or operating hours) fitted per segment (SKU, site, region, cluster or batch), ranked by B10
 * life, and the failures the in-service units can be expected to have in each of the next months. The same segment
 * table can be made from a file of units ({@link #analyse(LifeTableFile.Table, Family, double)}).
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

    /** The unit ages are counted in. */
    public enum AgeUnit {
        /** Calendar days from install. */
        DAYS,
        /**
         * Operating hours: the latest {@code power_on_hours} telemetry reading, carried on at 24 hours a day to the
         * record's end; 24 hours a day from install for assets without readings.
         */
        HOURS;

        /** The unit named {@code name} (any case). */
        public static AgeUnit parse(String name) {
            for (AgeUnit unit : values()) {
                if (unit.name().equalsIgnoreCase(name)) {
                    return unit;
                }
            }
            throw FleetcastException.badInput("unknown time unit \"" + name + "\"; use days or hours");
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One segment's fit.
     *
     * @param segment the segment's value, e.g. the SKU
     * @param units the assets in it
     * @param failures those that failed
     * @param inService those still in service on the data's last day (for a file: those suspended)
     * @param params the fitted parameters (empty when it could not be fitted); scales in the result's unit
     * @param bounds their bounds
     * @param b10 the B10 life in the result's unit, {@code NaN} when not fitted
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
            double b10,
            ImmutableList<Double> b10Bounds,
            @Nullable String note) {}

    /**
     * Expected failures of a segment's in-service units in one month, with an interval at the analysis's confidence
     * that holds both which units fail and the fit's own uncertainty ({@link FailureForecast}).
     */
    public record MonthForecast(String month, double expected, double lower, double upper) {}

    /** One segment's failure forecast. */
    public record SegmentForecast(String segment, long inService, ImmutableList<MonthForecast> months) {}

    /**
     * The analysis.
     *
     * @param by the segmentation
     * @param distribution the family fitted to each segment
     * @param unit the unit of ages, scales and B10 lives: {@code days} or {@code hours} (or a file's own unit)
     * @param asOf the data's last day: ages are counted to it, and the forecast starts after it; {@code null} for a
     *     file
     * @param segments the segments, fitted ones by B10 life (shortest, the least reliable, first), then the others
     * @param forecast per fitted segment, expected failures per month
     * @param notes how ages were found, where it matters
     */
    public record Result(
            String by,
            String distribution,
            String unit,
            @Nullable LocalDate asOf,
            ImmutableList<SegmentFit> segments,
            ImmutableList<SegmentForecast> forecast,
            ImmutableList<String> notes) {}

    /** Fits {@code family} to each segment {@code by}, ages in days, and forecasts {@code months} months of failures. */
    public Result analyse(Segment by, Family family, int months, double confidence) {
        return analyse(by, family, months, confidence, AgeUnit.DAYS);
    }

    /** Fits {@code family} to each segment {@code by}, ages in {@code unit}, and forecasts {@code months} months. */
    public Result analyse(Segment by, Family family, int months, double confidence, AgeUnit unit) {
        if (months < 0 || months > 120) {
            throw FleetcastException.badInput("--months must be 0 to 120, got " + months);
        }
        List<LifeRecord> records = store.lifeRecords();
        if (records.isEmpty()) {
            throw FleetcastException.badInput(
                    "the store has no assets; load them first (fleetcast ingest assets FILE)");
        }
        LocalDate asOf = store.asOf();
        Ages ages = ages(unit);
        Map<String, List<LifeRecord>> bySegment = new TreeMap<>();
        records.forEach(
                r -> bySegment.computeIfAbsent(by.of(r), k -> new ArrayList<>()).add(r));
        List<SegmentFit> fits = new ArrayList<>();
        ImmutableList.Builder<SegmentForecast> forecast = ImmutableList.builder();
        List<Double> monthEnds = monthEnds(asOf, months, unit);
        bySegment.forEach((segment, members) -> {
            Map<Double, Long> inService = new TreeMap<>();
            for (LifeRecord r : members) {
                if (!r.failed() && r.end().equals(asOf)) {
                    inService.merge(ages.of(r), 1L, Long::sum);
                }
            }
            long inServiceUnits =
                    inService.values().stream().mapToLong(Long::longValue).sum();
            Fitted fitted = fit(segment, lifeData(members, ages), inServiceUnits, family, confidence);
            fits.add(fitted.table());
            LifeFit fit = fitted.fit();
            if (fit != null && !monthEnds.isEmpty()) {
                forecast.add(new SegmentForecast(
                        segment, inServiceUnits, months(fit, inService, asOf, monthEnds, confidence, segment)));
            }
        });
        ImmutableList<String> notes = unit == AgeUnit.HOURS
                ? ImmutableList.of(String.format(
                        Locale.ROOT,
                        "%d of %d assets have power_on_hours readings; the others are counted at 24 hours a day",
                        ages.readings(),
                        records.size()))
                : ImmutableList.of();
        return new Result(
                by.name().toLowerCase(Locale.ROOT),
                family.label(),
                unit.label(),
                asOf,
                ranked(fits),
                forecast.build(),
                notes);
    }

    /**
     * Fits {@code family} to each segment of a file of units ({@code fleetcast life fleet --input}): the same table,
     * without a forecast (a file says nothing of which units are in service now).
     */
    public static Result analyse(LifeTableFile.Table table, Family family, double confidence) {
        List<SegmentFit> fits = new ArrayList<>();
        table.segments()
                .forEach((segment, data) ->
                        fits.add(fit(segment, data, data.unitCount() - data.failureCount(), family, confidence)
                                .table()));
        return new Result(
                table.by(), family.label(), table.unit(), null, ranked(fits), ImmutableList.of(), table.notes());
    }

    /** A segment's row and, when it could be fitted, the fit. */
    private record Fitted(SegmentFit table, @Nullable LifeFit fit) {}

    private static Fitted fit(String segment, LifeData data, long inService, Family family, double confidence) {
        LifeFit fit;
        try {
            fit = MaximumLikelihood.fit(family, data, confidence);
        } catch (IllegalArgumentException e) {
            return new Fitted(unfitted(segment, data, inService, String.valueOf(e.getMessage())), null);
        }
        LifeFit.Bounded b10;
        try {
            b10 = fit.life(0.10);
        } catch (IllegalArgumentException atTheEdge) {
            // The estimates sit at the edge of the family's range, where the bounds' derivatives step outside it.
            b10 = new LifeFit.Bounded(Double.NaN, Double.NaN, Double.NaN);
        }
        if (!(b10.estimate() > 0) || !(b10.lower() > 0) || !Double.isFinite(b10.upper())) {
            return new Fitted(
                    unfitted(
                            segment,
                            data,
                            inService,
                            "the fit degenerated (" + fit.distribution().parameters()
                                    + "): too few failures to tell the shape"),
                    null);
        }
        return new Fitted(
                new SegmentFit(
                        segment,
                        data.unitCount(),
                        data.failureCount(),
                        inService,
                        fit.distribution().parameters(),
                        fit.bounds(),
                        b10.estimate(),
                        ImmutableList.of(b10.lower(), b10.upper()),
                        null),
                fit);
    }

    private static SegmentFit unfitted(String segment, LifeData data, long inService, String note) {
        return new SegmentFit(
                segment,
                data.unitCount(),
                data.failureCount(),
                inService,
                ImmutableMap.of(),
                ImmutableMap.of(),
                Double.NaN,
                ImmutableList.of(),
                note);
    }

    /** Fitted segments by B10 life (shortest first), then the others in their order. */
    private static ImmutableList<SegmentFit> ranked(List<SegmentFit> fits) {
        List<SegmentFit> fitted = new ArrayList<>();
        List<SegmentFit> unfitted = new ArrayList<>();
        fits.forEach(fit -> (fit.note() == null ? fitted : unfitted).add(fit));
        fitted.sort(Comparator.comparingDouble(SegmentFit::b10));
        return ImmutableList.<SegmentFit>builder()
                .addAll(fitted)
                .addAll(unfitted)
                .build();
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
            Ages days = ages(AgeUnit.DAYS);
            return LikelihoodRatio.test(family, lifeData(a, days), lifeData(b, days), 0.95);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
    }

    /** Each record's age in one unit. */
    private interface Ages {
        double of(LifeRecord record);

        /** How many assets had operating-hour readings. */
        default int readings() {
            return 0;
        }
    }

    private Ages ages(AgeUnit unit) {
        if (unit == AgeUnit.DAYS) {
            return LifeRecord::ageDays;
        }
        Map<String, LifeStore.HoursReading> readings = store.powerOnHours();
        return new Ages() {
            @Override
            public double of(LifeRecord record) {
                LifeStore.HoursReading reading = readings.get(record.assetId());
                if (reading == null) {
                    return 24.0 * record.ageDays();
                }
                return reading.hours() + 24.0 * ChronoUnit.DAYS.between(reading.day(), record.end());
            }

            @Override
            public int readings() {
                return readings.size();
            }
        };
    }

    /** The records as life data in days, as {@link #analyse} fits them by default. */
    public static LifeData lifeDataInDays(List<LifeRecord> records) {
        return lifeData(records, LifeRecord::ageDays);
    }

    /**
     * The records as life data; an asset that failed at age 0 (on its install day, or before its first hour) counts as
     * failed within the first unit of time.
     */
    static LifeData lifeData(List<LifeRecord> records, Ages ages) {
        LifeData.Builder builder = LifeData.builder();
        for (LifeRecord r : records) {
            double age = ages.of(r);
            if (r.failed()) {
                if (age > 0) {
                    builder.failure(age, 1);
                } else {
                    builder.failedBefore(1, 1);
                }
            } else {
                builder.suspension(age, 1);
            }
        }
        return builder.build();
    }

    /** The ends of the next {@code months} calendar months after {@code asOf}, as time from it in {@code unit}. */
    private static List<Double> monthEnds(LocalDate asOf, int months, AgeUnit unit) {
        List<Double> ends = new ArrayList<>();
        double perDay = unit == AgeUnit.HOURS ? 24 : 1;
        for (int m = 1; m <= months; m++) {
            ends.add(perDay * ChronoUnit.DAYS.between(asOf, asOf.plusMonths(m)));
        }
        return ends;
    }

    private static ImmutableList<MonthForecast> months(
            LifeFit fit,
            Map<Double, Long> inService,
            LocalDate asOf,
            List<Double> monthEnds,
            double confidence,
            String segment) {
        ImmutableList<FailureForecast.Period> periods =
                FailureForecast.forecast(fit, inService, monthEnds, confidence, segment.hashCode());
        ImmutableList.Builder<MonthForecast> result = ImmutableList.builder();
        for (int m = 0; m < periods.size(); m++) {
            FailureForecast.Period period = periods.get(m);
            result.add(new MonthForecast(
                    YearMonth.from(asOf.plusMonths(m).plusDays(1)).toString(),
                    period.expected(),
                    period.lower(),
                    period.upper()));
        }
        return result.build();
    }
}
