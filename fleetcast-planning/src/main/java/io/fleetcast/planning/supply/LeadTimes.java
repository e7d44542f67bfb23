package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Order lead times (ordered → delivered) and delivery slips (promised → delivered) learned from delivered orders, per
 * SKU. A SKU with fewer than {@link #MIN_ORDERS} delivered orders borrows the pooled history of every SKU.
 */
public final class LeadTimes {
    /** Delivered orders a SKU needs for its own distribution. */
    public static final int MIN_ORDERS = 3;

    private final ImmutableMap<String, List<PastOrder>> bySku;
    private final List<PastOrder> all;

    private LeadTimes(Map<String, List<PastOrder>> bySku, List<PastOrder> all) {
        this.bySku = ImmutableMap.copyOf(bySku);
        this.all = List.copyOf(all);
    }

    /** Learns from {@code history}, the delivered orders (any order). */
    public static LeadTimes learn(List<PastOrder> history) {
        Map<String, List<PastOrder>> bySku = new LinkedHashMap<>();
        for (PastOrder order : history) {
            bySku.computeIfAbsent(order.sku(), sku -> new ArrayList<>()).add(order);
        }
        return new LeadTimes(bySku, history);
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
        List<PastOrder> orders = history(sku);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                EmpiricalDays.of(orders.stream().mapToInt(PastOrder::leadDays).toArray()));
    }

    /** Days delivered after the promise for {@code sku}; empty when no order at all was ever delivered. */
    public Optional<EmpiricalDays> slip(String sku) {
        List<PastOrder> orders = history(sku);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                EmpiricalDays.of(orders.stream().mapToInt(PastOrder::slipDays).toArray()));
    }

    private List<PastOrder> history(String sku) {
        return hasOwnHistory(sku) ? bySku.getOrDefault(sku, List.of()) : all;
    }
}
