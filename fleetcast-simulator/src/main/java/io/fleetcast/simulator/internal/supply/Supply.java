package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Topology;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The supply of the whole fleet: every asset and purchase order over the simulated timeline, numbered in date order,
 * and the ground truth of which clusters run out of capacity within the planning horizon.
 *
 * <p>Clusters the topology designed to run out are planned too hot for the last 400 days of the history: their
 * planner aims at a target utilisation above its usual 68–78%, chosen (by bisection) so that the cluster runs out
 * roughly 120–300 days after the end of the history while expected demand still fitted installed capacity throughout
 * the history, and so that 1% more or less demand moves that day by at most 14 days (a day set by a one-day event
 * peak that barely touches capacity is passed over for a cooler plan). If no utilisation does that, the cluster is
 * planned normally and is not marked as designed.
 */
public final class Supply {
    /** Days before the end of the history from which a designed cluster is planned too hot. */
    private static final int HOT_DAYS = 400;

    /**
     * A designed day must be well determined: {@value #DEMAND_MARGIN} more or less expected demand moves it by at most
     * {@value #MARGIN_DAYS} days, or a planner 1% off could not be told from one that is right.
     */
    private static final double DEMAND_MARGIN = 0.01;

    private static final int MARGIN_DAYS = 14;
    private static final double MIN_HOT_UTILIZATION = 0.75;
    private static final double MAX_HOT_UTILIZATION = 1.6;
    private static final DateTimeFormatter ORDER_MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    private final ImmutableList<ClusterSupply> clusters;
    private final ImmutableList<Asset> owned;
    private final ImmutableList<Asset> cloud;
    private final ImmutableList<PurchaseOrder> orders;
    private final ImmutableList<Exhaustion> exhaustion;
    private final @Nullable BadBatch badBatch;

    private Supply(
            List<ClusterSupply> clusters,
            List<Asset> owned,
            List<Asset> cloud,
            List<PurchaseOrder> orders,
            List<Exhaustion> exhaustion,
            @Nullable BadBatch badBatch) {
        this.clusters = ImmutableList.copyOf(clusters);
        this.owned = ImmutableList.copyOf(owned);
        this.cloud = ImmutableList.copyOf(cloud);
        this.orders = ImmutableList.copyOf(orders);
        this.exhaustion = ImmutableList.copyOf(exhaustion);
        this.badBatch = badBatch;
    }

    /** Per cluster, in topology order. */
    public ImmutableList<ClusterSupply> clusters() {
        return clusters;
    }

    /** Owned servers, numbered by install day; includes servers installed after the end of the history. */
    public ImmutableList<Asset> owned() {
        return owned;
    }

    /** Cloud instances, numbered by launch day; includes instances launched after the end of the history. */
    public ImmutableList<Asset> cloud() {
        return cloud;
    }

    /** Purchase orders, numbered by order day. */
    public ImmutableList<PurchaseOrder> orders() {
        return orders;
    }

    /** Which owned clusters run out of which resource within the planning horizon, by cluster. */
    public ImmutableList<Exhaustion> exhaustion() {
        return exhaustion;
    }

    /** The batch with a worse life, if the simulation made one. */
    public Optional<BadBatch> badBatch() {
        return Optional.ofNullable(badBatch);
    }

    /** Plans and scales every cluster of {@code topology}. */
    public static Supply build(
            Timeline timeline, Topology topology, SkuCatalog catalog, DemandModel demand, RandomStream random) {
        requireNonNull(timeline, "timeline is null");
        OwnedPlanner planner = new OwnedPlanner(timeline, catalog, demand, random.derive("owned"));
        CloudScaler scaler = new CloudScaler(timeline, catalog, demand);
        ExhaustionAnalysis analysis = new ExhaustionAnalysis(timeline, demand);
        RandomStream targets = random.derive("exhaustion-targets");
        List<ClusterSupply> clusters = new ArrayList<>();
        List<Exhaustion> exhaustion = new ArrayList<>();
        boolean[] designed = new boolean[topology.clusters().size()];
        for (Cluster cluster : topology.clusters()) {
            if (cluster.isCloud()) {
                clusters.add(scaler.scale(cluster));
                continue;
            }
            ClusterSupply supply = null;
            if (cluster.designedToExhaust()) {
                int target = timeline.lastDay() + targets.derive(cluster.name()).integer(120, 300);
                supply = runHot(timeline, planner, analysis, cluster, target);
            }
            if (supply != null) {
                designed[cluster.index()] = true;
            } else {
                supply = planner.plan(cluster);
            }
            clusters.add(supply);
        }
        // One batch of a normally planned compute cluster turns out bad: the largest order delivered between two
        // years and eight months before the end. Its cluster is planned again knowing it.
        PurchaseOrder bad = null;
        int badFrom = Math.max(timeline.firstDay() + 30, timeline.lastDay() - 730);
        for (ClusterSupply supply : clusters) {
            Cluster cluster = supply.cluster();
            if (cluster.isCloud() || cluster.designedToExhaust() || cluster.family() != Family.COMPUTE) {
                continue;
            }
            for (PurchaseOrder order : supply.orders()) {
                boolean inWindow = order.deliveryDay() >= badFrom && order.deliveryDay() <= timeline.lastDay() - 240;
                if (inWindow && order.quantity() >= 8 && (bad == null || order.quantity() > bad.quantity())) {
                    bad = order;
                }
            }
        }
        if (bad != null) {
            Cluster cluster = bad.cluster();
            clusters.set(cluster.index(), planner.planWithBadBatch(cluster, bad.sequence()));
        }
        for (ClusterSupply supply : clusters) {
            if (!supply.cluster().isCloud()) {
                exhaustion.addAll(
                        analysis.analyse(supply, designed[supply.cluster().index()]));
            }
        }

        List<Asset> owned = new ArrayList<>();
        List<Asset> cloud = new ArrayList<>();
        List<PurchaseOrder> orders = new ArrayList<>();
        for (ClusterSupply supply : clusters) {
            (supply.cluster().isCloud() ? cloud : owned).addAll(supply.assets());
            orders.addAll(supply.orders());
        }
        Comparator<Asset> byInstall = Comparator.comparingInt(Asset::installDay)
                .thenComparingInt(asset -> asset.cluster().index())
                .thenComparingInt(Asset::sequence);
        owned.sort(byInstall);
        cloud.sort(byInstall);
        orders.sort(Comparator.comparingInt(PurchaseOrder::orderedDay)
                .thenComparingInt(order -> order.cluster().index())
                .thenComparingInt(PurchaseOrder::sequence));
        for (int i = 0; i < orders.size(); i++) {
            PurchaseOrder order = orders.get(i);
            order.setId(String.format(
                    Locale.ROOT, "PO-%s-%05d", ORDER_MONTH.format(Timeline.date(order.orderedDay())), i + 1));
        }
        for (int i = 0; i < owned.size(); i++) {
            owned.get(i).setId(String.format(Locale.ROOT, "srv-%07d", i + 1));
        }
        RandomStream instanceIds = random.derive("instance-ids");
        for (int i = 0; i < cloud.size(); i++) {
            String hex = Long.toHexString(instanceIds.scramble(i));
            cloud.get(i).setId("i-0" + "0".repeat(16 - hex.length()) + hex);
        }
        BadBatch badBatch = null;
        for (Asset asset : owned) {
            PurchaseOrder order = asset.order();
            WeibullLife life = asset.life();
            if (order != null && life != null && !life.equals(asset.sku().life())) {
                badBatch = new BadBatch(order, life);
                break;
            }
        }
        exhaustion.sort(
                Comparator.comparingInt((Exhaustion found) -> found.cluster().index())
                        .thenComparing(Exhaustion::resource));
        return new Supply(clusters, owned, cloud, orders, exhaustion, badBatch);
    }

    private static @Nullable ClusterSupply runHot(
            Timeline timeline, OwnedPlanner planner, ExhaustionAnalysis analysis, Cluster cluster, int target) {
        int last = timeline.lastDay();
        int hotFrom = Math.max(cluster.buildDay() + 200, last - HOT_DAYS);
        if (hotFrom >= last - 60) {
            return null;
        }
        // Hotter planning runs out sooner: find the coolest utilisation that runs out by the target day.
        double low = MIN_HOT_UTILIZATION;
        double high = MAX_HOT_UTILIZATION;
        if (analysis.firstExhaustionDay(planner.plan(cluster, hotFrom, high)) > target) {
            low = high;
        } else {
            for (int i = 0; i < 14; i++) {
                double middle = (low + high) / 2;
                if (analysis.firstExhaustionDay(planner.plan(cluster, hotFrom, middle)) <= target) {
                    high = middle;
                } else {
                    low = middle;
                }
            }
        }
        // Orders come in whole racks, so the date moves in jumps: step back until the date is valid.
        for (double utilization = high; utilization >= MIN_HOT_UTILIZATION; utilization -= 0.01) {
            ClusterSupply supply = planner.plan(cluster, hotFrom, utilization);
            int day = analysis.firstExhaustionDay(supply);
            if (day >= last + 80
                    && day <= timeline.horizonEndDay()
                    && analysis.fitsHistory(supply)
                    && analysis.wellDetermined(supply, DEMAND_MARGIN, MARGIN_DAYS)) {
                return supply;
            }
            if (day > timeline.horizonEndDay()) {
                break;
            }
        }
        return null;
    }
}
