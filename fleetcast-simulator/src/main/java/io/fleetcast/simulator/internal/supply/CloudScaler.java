package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.failure.FailureMode;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales a cloud cluster with its expected demand, one instance type per cluster. Each day it runs enough instances to
 * keep the busiest resource at 72% (at least two). Ninety days after the cluster starts, and every 365 days after
 * that, it buys a one-year reservation for 60% of the fewest instances it needed in the previous four weeks; the
 * reserved instances are assets with ownership {@code reserved} that start and end with the reservation. Instances
 * above the reservation are on-demand: launched when needed, the newest terminated first when not.
 */
final class CloudScaler {
    private static final double TARGET_UTILIZATION = 0.72;
    private static final double RESERVED_SHARE = 0.6;
    private static final int FIRST_RESERVATION_DAYS = 90;
    private static final int RESERVATION_DAYS = 365;

    private final Timeline timeline;
    private final SkuCatalog catalog;
    private final DemandModel demand;

    CloudScaler(Timeline timeline, SkuCatalog catalog, DemandModel demand) {
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.demand = requireNonNull(demand, "demand is null");
    }

    /** The instance type of a cloud cluster. */
    Sku instanceType(Cluster cluster) {
        return catalog.cloudType(cluster.region().cloudProvider(), cluster.family());
    }

    ClusterSupply scale(Cluster cluster) {
        Sku sku = instanceType(cluster);
        List<Asset> assets = new ArrayList<>();
        List<Asset> reserved = new ArrayList<>();
        List<Asset> onDemand = new ArrayList<>();
        int start = cluster.buildDay();
        int[] needed = new int[timeline.latestDay() - start + 1];
        int nextRenewal = start + FIRST_RESERVATION_DAYS;
        for (int day = start; day <= timeline.latestDay(); day++) {
            int count = 2;
            for (Resource resource : Resource.values()) {
                double capacity = sku.capacity(resource);
                if (capacity > 0) {
                    double expected = demand.clusterExpected(cluster.index(), resource, day);
                    count = Math.max(count, (int) Math.ceil(expected / (capacity * TARGET_UTILIZATION)));
                }
            }
            needed[day - start] = count;
            if (day == nextRenewal) {
                for (Asset asset : reserved) {
                    asset.retireOn(day);
                }
                reserved.clear();
                int fewest = Integer.MAX_VALUE;
                for (int d = Math.max(start, day - 28); d < day; d++) {
                    fewest = Math.min(fewest, needed[d - start]);
                }
                int reservedCount = (int) Math.floor(RESERVED_SHARE * fewest);
                String commitment = "RI-" + cluster.name() + "-" + Timeline.date(day);
                for (int i = 0; i < reservedCount; i++) {
                    Asset asset = instance(cluster, sku, Ownership.RESERVED, day, commitment, assets.size());
                    assets.add(asset);
                    reserved.add(asset);
                }
                nextRenewal += RESERVATION_DAYS;
            }
            int target = Math.max(0, count - reserved.size());
            while (onDemand.size() < target) {
                Asset asset = instance(cluster, sku, Ownership.ON_DEMAND, day, "", assets.size());
                assets.add(asset);
                onDemand.add(asset);
            }
            while (onDemand.size() > target) {
                Asset newest = onDemand.get(onDemand.size() - 1);
                if (newest.installDay() >= day) {
                    break;
                }
                newest.retireOn(day);
                onDemand.remove(onDemand.size() - 1);
            }
        }
        return new ClusterSupply(cluster, assets, List.of());
    }

    private static Asset instance(Cluster cluster, Sku sku, Ownership ownership, int day, String batch, int sequence) {
        return new Asset(
                cluster,
                sku,
                ownership,
                day,
                PurchaseOrder.NEVER,
                PurchaseOrder.NEVER,
                null,
                batch,
                sequence,
                day,
                null,
                FailureMode.NONE,
                0,
                sequence);
    }
}
