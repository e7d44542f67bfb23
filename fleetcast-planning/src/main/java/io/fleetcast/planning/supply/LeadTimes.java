package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Order lead times (ordered → delivered) and delivery slips (promised → delivered) learned from delivered orders, per
 * SKU. A SKU with fewer than {@link #MIN_ORDERS} delivered orders borrows: for its lead time, the orders of its product
 * line (the SKUs it shares a cluster with, {@link #withLines}) when they have that many, else every SKU's; for its
 * slips, every SKU's. A new generation is bought from the line that the generations before it were: a compute server
 * takes as long to come as the compute servers before it, not as the fleet's storage servers do.
 */
public final class LeadTimes {
    /** Delivered orders a SKU needs for its own distribution. */
    public static final int MIN_ORDERS = 3;

    private final ImmutableMap<String, List<PastOrder>> bySku;
    private final List<PastOrder> all;
    private final ImmutableMap<String, ImmutableSet<String>> lines;

    private LeadTimes(
            Map<String, List<PastOrder>> bySku, List<PastOrder> all, Map<String, ImmutableSet<String>> lines) {
        this.bySku = ImmutableMap.copyOf(bySku);
        this.all = List.copyOf(all);
        this.lines = ImmutableMap.copyOf(lines);
    }

    /** Learns from {@code history}, the delivered orders (any order). */
    public static LeadTimes learn(List<PastOrder> history) {
        Map<String, List<PastOrder>> bySku = new LinkedHashMap<>();
        for (PastOrder order : history) {
            bySku.computeIfAbsent(order.sku(), sku -> new ArrayList<>()).add(order);
        }
        return new LeadTimes(bySku, history, Map.of());
    }

    /**
     * These lead times with each SKU's product line: the SKUs its lead time borrows from when it has too few orders of
     * its own (the SKU itself included or not; it is added).
     */
    public LeadTimes withLines(Map<String, ? extends Set<String>> lines) {
        Map<String, ImmutableSet<String>> copied = new LinkedHashMap<>();
        lines.forEach((sku, line) -> copied.put(sku, ImmutableSet.copyOf(line)));
        return new LeadTimes(bySku, all, copied);
    }

    /** Whether any delivered order is known. */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** Whether {@code sku} has its own history (at least {@link #MIN_ORDERS} delivered orders). */
    public boolean hasOwnHistory(String sku) {
        return bySku.getOrDefault(requireNonNull(sku, "sku is null"), List.of()).size() >= MIN_ORDERS;
    }

    /** Days from order to delivery for {@code sku}; empty when no order at all was ever delivered. */
    public Optional<EmpiricalDays> leadTime(String sku) {
        List<PastOrder> orders = leadHistory(sku).orders();
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                EmpiricalDays.of(orders.stream().mapToInt(PastOrder::leadDays).toArray()));
    }

    /**
     * Where the lead time of {@code sku} comes from, for people: "12 delivered orders of compute-2024", "too few orders
     * of compute-2026; the 21 delivered orders of its line (compute-2022, compute-2024, compute-2026)" or "too few
     * orders of x; all 58 delivered orders".
     */
    public String leadTimeSource(String sku) {
        History history = leadHistory(sku);
        int count = history.orders().size();
        return switch (history.kind()) {
            case OWN -> count + " delivered orders of " + sku;
            case LINE ->
                "too few orders of " + sku + "; the " + count + " delivered orders of its line ("
                        + String.join(", ", new TreeSet<>(requireNonNull(lines.get(sku)))) + ")";
            case ALL -> "too few orders of " + sku + "; all " + count + " delivered orders";
        };
    }

    /** Days delivered after the promise for {@code sku}; empty when no order at all was ever delivered. */
    public Optional<EmpiricalDays> slip(String sku) {
        List<PastOrder> orders = hasOwnHistory(sku) ? bySku.getOrDefault(sku, List.of()) : all;
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                EmpiricalDays.of(orders.stream().mapToInt(PastOrder::slipDays).toArray()));
    }

    private enum Kind {
        OWN,
        LINE,
        ALL
    }

    private record History(Kind kind, List<PastOrder> orders) {}

    private History leadHistory(String sku) {
        if (hasOwnHistory(sku)) {
            return new History(Kind.OWN, bySku.getOrDefault(sku, List.of()));
        }
        Set<String> line = lines.getOrDefault(sku, ImmutableSet.of());
        List<PastOrder> pooled = new ArrayList<>();
        for (String member : new TreeSet<>(line)) {
            pooled.addAll(bySku.getOrDefault(member, List.of()));
        }
        if (!line.contains(sku)) {
            pooled.addAll(bySku.getOrDefault(sku, List.of()));
        }
        return pooled.size() >= MIN_ORDERS ? new History(Kind.LINE, pooled) : new History(Kind.ALL, all);
    }
}
