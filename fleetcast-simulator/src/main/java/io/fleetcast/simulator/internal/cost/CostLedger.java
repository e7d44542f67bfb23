package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.supply.Asset;
import io.fleetcast.simulator.internal.supply.ClusterSupply;
import io.fleetcast.simulator.internal.supply.Ownership;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily counts per cluster from the first day of the history to the end of the current quarter: owned servers in
 * service and still depreciating, per SKU; reserved and on-demand cloud instances and the reservation in effect.
 */
final class CostLedger {
    private final int firstDay;
    private final int days;
    private final List<Map<String, SkuCounts>> owned = new ArrayList<>();
    private final List<int[]> reserved = new ArrayList<>();
    private final List<int[]> onDemand = new ArrayList<>();
    private final List<String[]> commitments = new ArrayList<>();

    CostLedger(Timeline timeline, Supply supply) {
        requireNonNull(timeline, "timeline is null");
        this.firstDay = timeline.firstDay();
        int lastDay = timeline.currentQuarterEndDay();
        this.days = lastDay - firstDay + 1;
        for (ClusterSupply cluster : supply.clusters()) {
            Map<String, SkuCounts> bySku = new TreeMap<>();
            int[] reservedChange = new int[days + 1];
            int[] onDemandChange = new int[days + 1];
            String[] commitment = new String[days];
            for (Asset asset : cluster.assets()) {
                int from = Math.max(asset.installDay(), firstDay);
                int to = Math.min(asset.leaveDay(), lastDay + 1);
                if (from >= to) {
                    continue;
                }
                if (asset.ownership() == Ownership.OWNED) {
                    Sku sku = asset.sku();
                    SkuCounts counts = bySku.computeIfAbsent(sku.name(), name -> new SkuCounts(sku, days));
                    counts.inServiceChange[from - firstDay]++;
                    counts.inServiceChange[to - firstDay]--;
                    int depreciatedDay =
                            Timeline.day(Timeline.date(asset.installDay()).plusMonths(sku.depreciationMonths()));
                    int depreciationEnd = Math.min(to, depreciatedDay);
                    if (from < depreciationEnd) {
                        counts.depreciatingChange[from - firstDay]++;
                        counts.depreciatingChange[depreciationEnd - firstDay]--;
                    }
                } else if (asset.ownership() == Ownership.RESERVED) {
                    reservedChange[from - firstDay]++;
                    reservedChange[to - firstDay]--;
                    for (int day = from; day < to; day++) {
                        commitment[day - firstDay] = asset.batch();
                    }
                } else {
                    onDemandChange[from - firstDay]++;
                    onDemandChange[to - firstDay]--;
                }
            }
            bySku.values().forEach(SkuCounts::accumulate);
            owned.add(bySku);
            reserved.add(accumulate(reservedChange, days));
            onDemand.add(accumulate(onDemandChange, days));
            commitments.add(commitment);
        }
    }

    /** Owned SKUs present in {@code cluster} at some point, by SKU name. */
    Iterable<SkuCounts> ownedCounts(int cluster) {
        return owned.get(cluster).values();
    }

    int reserved(int cluster, int day) {
        return reserved.get(cluster)[day - firstDay];
    }

    int onDemand(int cluster, int day) {
        return onDemand.get(cluster)[day - firstDay];
    }

    /** The reservation in effect in a cloud cluster on {@code day}; empty when none. */
    String commitment(int cluster, int day) {
        String value = commitments.get(cluster)[day - firstDay];
        return value == null ? "" : value;
    }

    /** Counts of one SKU in one cluster. */
    final class SkuCounts {
        private final Sku sku;
        private final int[] inServiceChange;
        private final int[] depreciatingChange;
        private int[] inService = new int[0];
        private int[] depreciating = new int[0];

        SkuCounts(Sku sku, int days) {
            this.sku = sku;
            this.inServiceChange = new int[days + 1];
            this.depreciatingChange = new int[days + 1];
        }

        Sku sku() {
            return sku;
        }

        int inService(int day) {
            return inService[day - firstDay];
        }

        int depreciating(int day) {
            return depreciating[day - firstDay];
        }

        void accumulate() {
            inService = CostLedger.accumulate(inServiceChange, days);
            depreciating = CostLedger.accumulate(depreciatingChange, days);
        }
    }

    private static int[] accumulate(int[] changes, int days) {
        int[] values = new int[days];
        int running = 0;
        for (int i = 0; i < days; i++) {
            running += changes[i];
            values[i] = running;
        }
        return values;
    }
}
