package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.capacity.CapacityPlanDocument.Entry;
import io.fleetcast.app.capacity.CapacityPlanDocument.Order;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one capacity plan to a later one, per cluster and resource: the exhaustion and need-by days; usable
 * supply now and at the horizon's end, P50 demand there and the headroom (each when it moved 1% or more); and the
 * orders, each change said in a line. The questions a weekly plan review asks: which clusters now run out sooner, which
 * later, and what more (or less) must be bought. Pure: two documents in, changes out.
 *
 * @param from the earlier plan's version ({@code null} for a plan not stored)
 * @param fromAsOf the earlier plan's last day of data
 * @param to the later plan's version
 * @param toAsOf the later plan's last day of data
 * @param changes one per cluster and resource in either plan, the largest moves first
 * @param totals the orders and the clusters running out at P50, before and after
 */
public record CapacityPlanDiff(
        @Nullable Integer from,
        String fromAsOf,
        @Nullable Integer to,
        String toAsOf,
        List<Change> changes,
        Totals totals) {
    public CapacityPlanDiff {
        requireNonNull(fromAsOf, "fromAsOf is null");
        requireNonNull(toAsOf, "toAsOf is null");
        changes = ImmutableList.copyOf(changes);
        requireNonNull(totals, "totals is null");
    }

    /** The least relative change of an amount (supply, demand, headroom) that is reported: 1%. */
    public static final double RELATIVE = 0.01;

    /** How an entry changed: it is only in the later plan, only in the earlier one, differs, or is the same. */
    public enum Status {
        ADDED,
        REMOVED,
        CHANGED,
        UNCHANGED;

        /** Its name in documents: {@code added}, {@code removed}, {@code changed} or {@code unchanged}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One cluster and resource in either plan. A {@code before} or {@code after} figure is null where the entry is not
     * in that plan; a date is also null where the plan does not run out within its horizon. A shift is in days, later
     * minus earlier (negative: sooner), null unless both plans have the date.
     *
     * @param status a {@link Status}'s code
     * @param what the changes in words, e.g. "P50 exhaustion 21 days sooner (2027-03-02 to 2027-02-09)"; empty when
     *     unchanged
     */
    public record Change(
            String cluster,
            String site,
            String region,
            String resource,
            String unit,
            String status,
            @Nullable String exhaustionP50Before,
            @Nullable String exhaustionP50After,
            @Nullable Long exhaustionP50Shift,
            @Nullable String exhaustionP99Before,
            @Nullable String exhaustionP99After,
            @Nullable Long exhaustionP99Shift,
            @Nullable String needByBefore,
            @Nullable String needByAfter,
            @Nullable Long needByShift,
            @Nullable Double supplyAtEndBefore,
            @Nullable Double supplyAtEndAfter,
            @Nullable Double demandP50AtEndBefore,
            @Nullable Double demandP50AtEndAfter,
            long serversBefore,
            long serversAfter,
            double orderCostBefore,
            double orderCostAfter,
            List<String> what) {
        public Change {
            what = ImmutableList.copyOf(what);
        }
    }

    /**
     * The whole comparison's orders and exhaustions.
     *
     * @param ordersBefore the earlier plan's orders in the scope; {@code ordersAfter} the later one's
     * @param runningOutBefore the cluster resources of the earlier plan that run out within its horizon at P50
     * @param changed the entries that are not unchanged
     */
    public record Totals(
            int ordersBefore,
            int ordersAfter,
            double orderCostBefore,
            double orderCostAfter,
            int runningOutBefore,
            int runningOutAfter,
            int changed) {}

    /** The changes from {@code earlier} to {@code later}, over the entries {@code in} keeps (a region, say). */
    public static CapacityPlanDiff of(CapacityPlanDocument earlier, CapacityPlanDocument later, Predicate<Entry> in) {
        Map<String, Entry> before = entries(earlier, in);
        Map<String, Entry> after = entries(later, in);
        Map<String, Entry> keys = new LinkedHashMap<>(before);
        keys.putAll(after);
        List<Change> rows = new ArrayList<>();
        String end = ends(earlier, later);
        for (Map.Entry<String, Entry> key : keys.entrySet()) {
            rows.add(change(before.get(key.getKey()), after.get(key.getKey()), key.getValue(), end));
        }
        rows.sort(Comparator.comparing((Change row) -> row.status().equals(Status.UNCHANGED.code()))
                .thenComparing(
                        Comparator.comparingLong(CapacityPlanDiff::weight).reversed())
                .thenComparing(row -> Math.abs(row.orderCostAfter() - row.orderCostBefore()), Comparator.reverseOrder())
                .thenComparing(Change::cluster)
                .thenComparing(Change::resource));
        Totals totals = new Totals(
                before.values().stream()
                        .mapToInt(entry -> entry.orders().size())
                        .sum(),
                after.values().stream().mapToInt(entry -> entry.orders().size()).sum(),
                before.values().stream().mapToDouble(CapacityPlanDiff::cost).sum(),
                after.values().stream().mapToDouble(CapacityPlanDiff::cost).sum(),
                (int) before.values().stream()
                        .filter(entry -> entry.exhaustionP50() != null)
                        .count(),
                (int) after.values().stream()
                        .filter(entry -> entry.exhaustionP50() != null)
                        .count(),
                (int) rows.stream()
                        .filter(row -> !row.status().equals(Status.UNCHANGED.code()))
                        .count());
        return new CapacityPlanDiff(
                earlier.planVersion(), earlier.asOf(), later.planVersion(), later.asOf(), rows, totals);
    }

    /** The changes from {@code earlier} to {@code later} over their whole plans. */
    public static CapacityPlanDiff of(CapacityPlanDocument earlier, CapacityPlanDocument later) {
        return of(earlier, later, entry -> true);
    }

    private static Map<String, Entry> entries(CapacityPlanDocument plan, Predicate<Entry> in) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        plan.clusters().stream()
                .filter(in)
                .forEach(entry -> entries.put(entry.cluster() + "/" + entry.resource(), entry));
        return entries;
    }

    /**
     * "the horizon's end", or where the two plans' horizons end on different days, "the horizon's end (2027-10-31 and
     * 2027-11-07)": their amounts there are of different days.
     */
    private static String ends(CapacityPlanDocument earlier, CapacityPlanDocument later) {
        LocalDate before = LocalDate.parse(earlier.asOf()).plusDays(earlier.horizonDays());
        LocalDate after = LocalDate.parse(later.asOf()).plusDays(later.horizonDays());
        return before.equals(after) ? "the horizon's end" : "the horizon's end (" + before + " and " + after + ")";
    }

    private static Change change(@Nullable Entry before, @Nullable Entry after, Entry either, String end) {
        List<String> what = new ArrayList<>();
        Status status;
        if (before == null) {
            status = Status.ADDED;
            what.add("new in the later plan");
        } else if (after == null) {
            status = Status.REMOVED;
            what.add("not in the later plan");
        } else {
            status = Status.UNCHANGED;
        }
        @Nullable String p50Before = before == null ? null : before.exhaustionP50();
        @Nullable String p50After = after == null ? null : after.exhaustionP50();
        @Nullable String p99Before = before == null ? null : before.exhaustionP99();
        @Nullable String p99After = after == null ? null : after.exhaustionP99();
        @Nullable String needBefore = before == null ? null : before.needBy();
        @Nullable String needAfter = after == null ? null : after.needBy();
        long serversBefore = before == null ? 0 : servers(before);
        long serversAfter = after == null ? 0 : servers(after);
        double costBefore = before == null ? 0 : cost(before);
        double costAfter = after == null ? 0 : cost(after);
        if (before != null && after != null) {
            describe("P50 exhaustion", p50Before, p50After, what);
            describe("P99 exhaustion", p99Before, p99After, what);
            describe("need-by", needBefore, needAfter, what);
            relative("usable supply now", before.supply(), after.supply(), after, what);
            relative("usable supply at " + end, before.supplyAtEnd(), after.supplyAtEnd(), after, what);
            relative("P50 demand at " + end, before.demandP50AtEnd(), after.demandP50AtEnd(), after, what);
            relative("headroom", before.headroom().total(), after.headroom().total(), after, what);
            if (serversBefore != serversAfter || Math.abs(costAfter - costBefore) > 0.005) {
                what.add(String.format(
                        Locale.ROOT,
                        "orders %d to %d servers (%s%,.0f USD)",
                        serversBefore,
                        serversAfter,
                        costAfter >= costBefore ? "+" : "−",
                        Math.abs(costAfter - costBefore)));
            }
            if (!what.isEmpty()) {
                status = Status.CHANGED;
            }
        }
        return new Change(
                either.cluster(),
                either.site(),
                either.region(),
                either.resource(),
                either.unit(),
                status.code(),
                p50Before,
                p50After,
                shift(p50Before, p50After),
                p99Before,
                p99After,
                shift(p99Before, p99After),
                needBefore,
                needAfter,
                shift(needBefore, needAfter),
                before == null ? null : before.supplyAtEnd(),
                after == null ? null : after.supplyAtEnd(),
                before == null ? null : before.demandP50AtEnd(),
                after == null ? null : after.demandP50AtEnd(),
                serversBefore,
                serversAfter,
                costBefore,
                costAfter,
                what);
    }

    private static void describe(String name, @Nullable String before, @Nullable String after, List<String> what) {
        if ((before == null && after == null) || (before != null && before.equals(after))) {
            return;
        }
        if (before == null) {
            what.add(name + " now on " + after + " (none within the earlier horizon)");
        } else if (after == null) {
            what.add(name + " no longer within the horizon (was " + before + ")");
        } else {
            long days = requireNonNull(shift(before, after));
            what.add(String.format(
                    Locale.ROOT,
                    "%s %d %s %s (%s to %s)",
                    name,
                    Math.abs(days),
                    Math.abs(days) == 1 ? "day" : "days",
                    days < 0 ? "sooner" : "later",
                    before,
                    after));
        }
    }

    /** A change of at least {@link #RELATIVE} of an amount, e.g. "P50 demand ... 3.2% higher (100 to 103.2 cores)". */
    private static void relative(String name, double before, double after, Entry entry, List<String> what) {
        if (before <= 0) {
            if (after > 0) {
                what.add(String.format(Locale.ROOT, "%s %,.1f %s (none before)", name, after, entry.unit()));
            }
            return;
        }
        if (Math.abs(after / before - 1) < RELATIVE) {
            return;
        }
        what.add(String.format(
                Locale.ROOT,
                "%s %.1f%% %s (%,.1f to %,.1f %s)",
                name,
                100 * Math.abs(after / before - 1),
                after > before ? "higher" : "lower",
                before,
                after,
                entry.unit()));
    }

    private static @Nullable Long shift(@Nullable String before, @Nullable String after) {
        if (before == null || after == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(LocalDate.parse(before), LocalDate.parse(after));
    }

    /**
     * How much a row moved, for ranking: running out newly or no longer counts most, then the larger P50 shift, then
     * the need-by shift.
     */
    private static long weight(Change row) {
        boolean p50Appeared = row.exhaustionP50Before() == null && row.exhaustionP50After() != null;
        boolean p50Gone = row.exhaustionP50Before() != null && row.exhaustionP50After() == null;
        boolean inOneOnly =
                row.status().equals(Status.ADDED.code()) || row.status().equals(Status.REMOVED.code());
        if (inOneOnly || p50Appeared || p50Gone) {
            return Long.MAX_VALUE;
        }
        Long p50 = row.exhaustionP50Shift();
        Long need = row.needByShift();
        return 1_000_000L * (p50 == null ? 0 : Math.abs(p50)) + (need == null ? 0 : Math.abs(need));
    }

    private static long servers(Entry entry) {
        return entry.orders().stream().mapToLong(Order::quantity).sum();
    }

    private static double cost(Entry entry) {
        return entry.orders().stream().mapToDouble(Order::cost).sum();
    }
}
