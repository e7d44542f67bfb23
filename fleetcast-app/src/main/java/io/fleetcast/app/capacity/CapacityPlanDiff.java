package io.fleetcast.app.capacity;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two capacity plan versions, per cluster and resource: the exhaustion dates, supply and demand
 * at the start and at the horizon's end, and the orders, each change said in a line.
 *
 * @param fromVersion the earlier plan
 * @param toVersion the later plan
 * @param changes one per cluster and resource in either plan, changed ones first (by the P50 exhaustion moving most)
 */
public record CapacityPlanDiff(int fromVersion, int toVersion, List<Change> changes) {
    public CapacityPlanDiff {
        changes = ImmutableList.copyOf(changes);
    }

    /**
     * One cluster and resource.
     *
     * @param status {@code changed}, {@code unchanged}, {@code added} or {@code removed}
     * @param exhaustionP50Shift days the P50 exhaustion moved (later is positive); {@code null} unless both plans have
     *     one
     * @param lines what changed, for people
     */
    public record Change(
            String cluster,
            String resource,
            String unit,
            String status,
            @Nullable String exhaustionP50Before,
            @Nullable String exhaustionP50After,
            @Nullable Long exhaustionP50Shift,
            double supplyBefore,
            double supplyAfter,
            double demandP50AtEndBefore,
            double demandP50AtEndAfter,
            long serversOrderedBefore,
            long serversOrderedAfter,
            List<String> lines) {
        public Change {
            lines = ImmutableList.copyOf(lines);
        }
    }

    /** Compares {@code before} with {@code after}. */
    static CapacityPlanDiff of(CapacityPlanDocument before, CapacityPlanDocument after) {
        Map<String, CapacityPlanDocument.Entry> earlier = byKey(before);
        Map<String, CapacityPlanDocument.Entry> later = byKey(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, CapacityPlanDocument.Entry> entry : later.entrySet()) {
            CapacityPlanDocument.Entry was = earlier.get(entry.getKey());
            changes.add(was == null ? added(entry.getValue()) : compare(was, entry.getValue()));
        }
        earlier.forEach((key, was) -> {
            if (!later.containsKey(key)) {
                changes.add(removed(was));
            }
        });
        changes.sort((a, b) -> {
            int statusOrder =
                    Boolean.compare(a.status().equals("unchanged"), b.status().equals("unchanged"));
            if (statusOrder != 0) {
                return statusOrder;
            }
            long shiftA = a.exhaustionP50Shift() == null ? 0 : Math.abs(a.exhaustionP50Shift());
            long shiftB = b.exhaustionP50Shift() == null ? 0 : Math.abs(b.exhaustionP50Shift());
            int shift = Long.compare(shiftB, shiftA);
            return shift != 0 ? shift : (a.cluster() + a.resource()).compareTo(b.cluster() + b.resource());
        });
        return new CapacityPlanDiff(version(before), version(after), changes);
    }

    private static int version(CapacityPlanDocument plan) {
        Integer version = plan.planVersion();
        return version == null ? 0 : version;
    }

    private static Map<String, CapacityPlanDocument.Entry> byKey(CapacityPlanDocument plan) {
        Map<String, CapacityPlanDocument.Entry> entries = new LinkedHashMap<>();
        plan.clusters().forEach(entry -> entries.put(entry.cluster() + "/" + entry.resource(), entry));
        return entries;
    }

    private static Change compare(CapacityPlanDocument.Entry was, CapacityPlanDocument.Entry now) {
        List<String> lines = new ArrayList<>();
        String unit = now.unit();
        Long shift = null;
        if (!Objects.equals(was.exhaustionP50(), now.exhaustionP50())) {
            if (was.exhaustionP50() != null && now.exhaustionP50() != null) {
                shift = ChronoUnit.DAYS.between(
                        LocalDate.parse(was.exhaustionP50()), LocalDate.parse(now.exhaustionP50()));
                lines.add(String.format(
                        Locale.ROOT,
                        "runs out at P50 on %s instead of %s (%+d days)",
                        now.exhaustionP50(),
                        was.exhaustionP50(),
                        shift));
            } else if (now.exhaustionP50() != null) {
                lines.add("now runs out at P50 on " + now.exhaustionP50() + " (did not before)");
            } else {
                lines.add("no longer runs out at P50 (was " + was.exhaustionP50() + ")");
            }
        }
        moved(lines, "supply now", was.supply(), now.supply(), unit);
        moved(lines, "P50 demand at the horizon's end", was.demandP50AtEnd(), now.demandP50AtEnd(), unit);
        moved(lines, "headroom", was.headroom().total(), now.headroom().total(), unit);
        long ordered = servers(now);
        long orderedBefore = servers(was);
        if (ordered != orderedBefore) {
            lines.add(String.format(Locale.ROOT, "orders %d servers instead of %d", ordered, orderedBefore));
        }
        return new Change(
                now.cluster(),
                now.resource(),
                unit,
                lines.isEmpty() ? "unchanged" : "changed",
                was.exhaustionP50(),
                now.exhaustionP50(),
                shift,
                was.supply(),
                now.supply(),
                was.demandP50AtEnd(),
                now.demandP50AtEnd(),
                orderedBefore,
                ordered,
                lines);
    }

    /** A line when {@code after} differs from {@code before} by more than 1%. */
    private static void moved(List<String> lines, String what, double before, double after, String unit) {
        if (Math.abs(after - before) > 0.01 * Math.max(Math.abs(before), 1e-9)) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s %,.0f %s instead of %,.0f %s (%+.1f%%)",
                    what,
                    after,
                    unit,
                    before,
                    unit,
                    before == 0 ? 100.0 : 100 * (after - before) / before));
        }
    }

    private static long servers(CapacityPlanDocument.Entry entry) {
        return entry.orders().stream()
                .mapToLong(CapacityPlanDocument.Order::quantity)
                .sum();
    }

    private static Change added(CapacityPlanDocument.Entry now) {
        return new Change(
                now.cluster(),
                now.resource(),
                now.unit(),
                "added",
                null,
                now.exhaustionP50(),
                null,
                0,
                now.supply(),
                0,
                now.demandP50AtEnd(),
                0,
                servers(now),
                List.of("new in the later plan"));
    }

    private static Change removed(CapacityPlanDocument.Entry was) {
        return new Change(
                was.cluster(),
                was.resource(),
                was.unit(),
                "removed",
                was.exhaustionP50(),
                null,
                null,
                was.supply(),
                0,
                was.demandP50AtEnd(),
                0,
                servers(was),
                0,
                List.of("not in the later plan"));
    }
}
