package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.failure.FailureMode;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The capacity planner of one owned cluster. Every two weeks it compares the capacity it will have at
 * {@code review + lead time + 180 days} (servers in service or on order, minus planned retirements by then) with the
 * peak expected demand up to that day divided by the cluster's target utilisation, and orders the missing servers of
 * the newest SKU, rounded up to the cluster's order unit. Vendors promise 45–120 days (storage servers 70–150);
 * about 76% of orders arrive within days of the promise, 20% arrive 1–7 weeks late and 4% are cancelled, which the
 * planner learns before the promised date and so orders again. A cluster's first order is never late.
 *
 * <p>Each delivered server draws its life from its SKU's Weibull distribution; a server that fails more than 180
 * days before its planned retirement is replaced by a new server (batch {@code RMA-yyyy-MM}) 3–21 days later.
 */
final class OwnedPlanner {
    private static final int REVIEW_DAYS = 14;
    private static final int PLANNING_HORIZON_DAYS = 180;
    private static final int FIRST_ORDER_DAYS_BEFORE_BUILD = 130;
    private static final double BAD_BATCH_SCALE_FACTOR = 0.3;
    private static final int NO_BAD_BATCH = -1;

    private final Timeline timeline;
    private final SkuCatalog catalog;
    private final DemandModel demand;
    private final RandomStream random;

    OwnedPlanner(Timeline timeline, SkuCatalog catalog, DemandModel demand, RandomStream random) {
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.demand = requireNonNull(demand, "demand is null");
        this.random = requireNonNull(random, "random is null");
    }

    /** Plans {@code cluster} normally. */
    ClusterSupply plan(Cluster cluster) {
        return plan(cluster, PurchaseOrder.NEVER, 0, NO_BAD_BATCH);
    }

    /** Plans {@code cluster} normally, except that the order numbered {@code badOrder} delivers a bad batch. */
    ClusterSupply planWithBadBatch(Cluster cluster, int badOrder) {
        return plan(cluster, PurchaseOrder.NEVER, 0, badOrder);
    }

    /** Plans {@code cluster} with a hot target utilisation from {@code hotFromDay} on; see the other overload. */
    ClusterSupply plan(Cluster cluster, int hotFromDay, double hotUtilization) {
        return plan(cluster, hotFromDay, hotUtilization, NO_BAD_BATCH);
    }

    /**
     * Plans {@code cluster}, from {@code hotFromDay} on with the target utilisation {@code hotUtilization} instead of
     * the cluster's own (the team runs the cluster hotter than it should, and so orders too little); the order
     * numbered {@code badOrder} within the cluster, if any, delivers servers whose Weibull scale is multiplied by
     * 0.3.
     */
    private ClusterSupply plan(Cluster cluster, int hotFromDay, double hotUtilization, int badOrder) {
        Run run = new Run(cluster, badOrder);
        int last = timeline.lastDay();
        int firstReview = cluster.buildDay() - FIRST_ORDER_DAYS_BEFORE_BUILD;
        for (int day = firstReview; day <= last; day += REVIEW_DAYS) {
            run.receive(day);
            run.review(day, day == firstReview, day >= hotFromDay ? hotUtilization : run.targetUtilization);
        }
        run.receive(timeline.latestDay());
        return new ClusterSupply(cluster, run.assets, run.orders);
    }

    private final class Run {
        private final Cluster cluster;
        private final RandomStream orderRandom;
        private final RandomStream lifeRandom;
        private final double targetUtilization;
        private final List<Asset> assets = new ArrayList<>();
        private final List<Asset> active = new ArrayList<>();
        private final List<PurchaseOrder> orders = new ArrayList<>();
        private final List<PurchaseOrder> pending = new ArrayList<>();
        private final int badOrder;
        private int nextSlot;

        Run(Cluster cluster, int badOrder) {
            this.cluster = cluster;
            this.badOrder = badOrder;
            this.orderRandom = random.derive("orders-" + cluster.name());
            this.lifeRandom = random.derive("lives-" + cluster.name());
            this.targetUtilization =
                    random.derive("utilization-" + cluster.name()).uniform(0.68, 0.78);
        }

        /** Delivers pending orders due by {@code day} and drops the cancelled ones the planner knows about. */
        void receive(int day) {
            List<PurchaseOrder> done = new ArrayList<>();
            for (PurchaseOrder order : pending) {
                if (order.deliveryDay() <= day) {
                    deliver(order);
                    done.add(order);
                } else if (order.cancelKnownDay() <= day) {
                    done.add(order);
                }
            }
            pending.removeAll(done);
        }

        void review(int day, boolean first, double utilization) {
            Sku sku = catalog.currentOwned(cluster.family(), day);
            int lead = cluster.family() == Family.STORAGE ? 150 : 120;
            int horizonDay = day + lead + PLANNING_HORIZON_DAYS;
            int needed = first ? cluster.orderUnit() : 0;
            // One pass over the servers the planner can still count; those gone for good are dropped from it.
            double projectedCores = 0;
            double projectedMemory = 0;
            double projectedStorage = 0;
            Iterator<Asset> candidates = active.iterator();
            while (candidates.hasNext()) {
                Asset asset = candidates.next();
                if (asset.retireDay() <= horizonDay || (asset.fails() && asset.failureDay() <= day)) {
                    candidates.remove();
                } else if (asset.knownFromDay() <= day) {
                    projectedCores += asset.sku().cores();
                    projectedMemory += asset.sku().memoryGib();
                    projectedStorage += asset.sku().storageTb();
                }
            }
            for (Resource resource : Resource.values()) {
                double required = demand.clusterPeakUpTo(cluster.index(), resource, horizonDay) / utilization;
                double onOrder = 0;
                for (PurchaseOrder order : pending) {
                    onOrder += order.quantity() * order.sku().capacity(resource);
                }
                double projected = switch (resource) {
                    case CPU -> projectedCores;
                    case MEMORY -> projectedMemory;
                    case STORAGE -> projectedStorage;
                };
                double shortfall = required - projected - onOrder;
                if (shortfall > 0) {
                    needed = Math.max(needed, (int) Math.ceil(shortfall / sku.capacity(resource)));
                }
            }
            if (needed <= 0) {
                return;
            }
            int unit = cluster.orderUnit();
            int quantity = (needed + unit - 1) / unit * unit;
            pending.add(order(sku, quantity, day, first));
        }

        private PurchaseOrder order(Sku sku, int quantity, int day, boolean first) {
            RandomStream draw = orderRandom.derive(orders.size());
            int promisedLead = cluster.family() == Family.STORAGE ? draw.integer(70, 150) : draw.integer(45, 120);
            int promised;
            int delivery;
            int cancelKnown = PurchaseOrder.NEVER;
            if (first) {
                // The first servers of a new cluster are expedited so they arrive before the build day.
                promised = Math.max(day + 1, cluster.buildDay() - draw.integer(0, 7));
                delivery = promised;
            } else {
                promised = day + promisedLead;
                double outcome = draw.nextDouble();
                if (outcome < 0.04) {
                    delivery = PurchaseOrder.NEVER;
                    cancelKnown = day + draw.integer(15, Math.max(16, promisedLead - 10));
                } else if (outcome < 0.24) {
                    delivery = promised + draw.integer(7, 49);
                } else {
                    delivery = Math.max(day + 1, promised + draw.integer(-5, 2));
                }
            }
            PurchaseOrder order =
                    new PurchaseOrder(cluster, sku, quantity, day, promised, delivery, cancelKnown, orders.size());
            orders.add(order);
            return order;
        }

        private void deliver(PurchaseOrder order) {
            WeibullLife life = order.sku().lifeOrThrow();
            if (order.sequence() == badOrder) {
                life = life.withScaleFactor(BAD_BATCH_SCALE_FACTOR);
            }
            for (int unit = 0; unit < order.quantity(); unit++) {
                create(order.sku(), order.deliveryDay(), order, "", nextSlot++, order.deliveryDay(), life);
            }
        }

        private void create(
                Sku sku,
                int installDay,
                @Nullable PurchaseOrder order,
                String batch,
                int slot,
                int knownFromDay,
                WeibullLife life) {
            RandomStream draw = lifeRandom.derive(assets.size());
            int retireDay = Timeline.day(Timeline.date(installDay).plusMonths(sku.lifetimeMonths()));
            double lifeDays = life.draw(draw);
            long failure = installDay + (long) Math.floor(lifeDays);
            int failureDay = (int) Math.min(failure, PurchaseOrder.NEVER - 1L);
            FailureMode mode = failureMode(cluster.family(), draw);
            int degradation = draw.integer(10, 40);
            Asset asset = new Asset(
                    cluster,
                    sku,
                    Ownership.OWNED,
                    installDay,
                    retireDay,
                    failureDay,
                    order,
                    batch,
                    slot,
                    knownFromDay,
                    life,
                    mode,
                    degradation,
                    assets.size());
            assets.add(asset);
            active.add(asset);
            if (asset.fails() && failureDay + 180 < retireDay && failureDay < timeline.latestDay()) {
                int replacementDay = failureDay + draw.integer(3, 21);
                Sku replacement = catalog.currentOwned(cluster.family(), failureDay);
                String replacementBatch = String.format(
                        Locale.ROOT,
                        "RMA-%s",
                        Timeline.date(replacementDay).toString().substring(0, 7));
                create(
                        replacement,
                        replacementDay,
                        null,
                        replacementBatch,
                        slot,
                        failureDay,
                        replacement.lifeOrThrow());
            }
        }
    }

    private static FailureMode failureMode(Family family, RandomStream random) {
        double[] weights = switch (family) {
            case COMPUTE -> new double[] {0.35, 0.2, 0.25, 0.2};
            case MEMORY -> new double[] {0.5, 0.1, 0.2, 0.2};
            case STORAGE -> new double[] {0.15, 0.5, 0.15, 0.2};
        };
        return switch (random.weightedIndex(weights)) {
            case 0 -> FailureMode.MEMORY;
            case 1 -> FailureMode.DISK;
            default -> FailureMode.THERMAL;
        };
    }
}
