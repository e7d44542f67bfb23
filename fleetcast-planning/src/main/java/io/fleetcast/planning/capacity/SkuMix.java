package io.fleetcast.planning.capacity;

import io.fleetcast.core.unit.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cheapest whole number of servers of each SKU that holds a given amount of every resource: a small integer
 * program (a covering problem), solved exactly by depth-first search over the counts with a cost bound.
 *
 * <p>The bound: each resource alone needs at least its amount times the lowest price per unit of it among the SKUs
 * still to choose, so no count that already costs more than the best found, plus that, can lead to a better one. Ties
 * go to fewer servers, then to more of the earlier SKUs (the cluster's own first).
 */
public final class SkuMix {
    /** An amount this small is held already (as the planner's shortfall test). */
    private static final double HELD = 1e-9;

    private SkuMix() {}

    /**
     * How many more servers of each of {@code options} hold {@code needed} (per resource, in its canonical unit; zero
     * or less where nothing more is needed) at the least cost; empty when no mix of them holds it (a resource none of
     * them has).
     */
    public static Optional<long[]> cheapest(List<OrderOption> options, Map<Resource, Double> needed) {
        int count = options.size();
        if (count == 0) {
            throw new IllegalArgumentException("no SKU to choose from");
        }
        Resource[] all = Resource.values();
        int resources = all.length;
        double[] left = new double[resources];
        double[][] capacity = new double[count][resources];
        double[] price = new double[count];
        for (int r = 0; r < resources; r++) {
            left[r] = needed.getOrDefault(all[r], 0.0);
            for (int sku = 0; sku < count; sku++) {
                capacity[sku][r] = options.get(sku).shape().capacity(all[r]);
            }
        }
        for (int sku = 0; sku < count; sku++) {
            price[sku] = options.get(sku).unitCostUsd();
        }
        // The lowest price per unit of each resource among SKUs i.. (for the bound); infinite where none holds it.
        double[][] cheapestFrom = new double[count + 1][resources];
        Arrays.fill(cheapestFrom[count], Double.POSITIVE_INFINITY);
        for (int sku = count - 1; sku >= 0; sku--) {
            for (int r = 0; r < resources; r++) {
                double perUnit = capacity[sku][r] > 0 ? price[sku] / capacity[sku][r] : Double.POSITIVE_INFINITY;
                cheapestFrom[sku][r] = Math.min(perUnit, cheapestFrom[sku + 1][r]);
            }
        }
        Search search = new Search(capacity, price, cheapestFrom);
        search.run(0, left, 0, new long[count]);
        return Optional.ofNullable(search.best);
    }

    private static final class Search {
        final double[][] capacity;
        final double[] price;
        final double[][] cheapestFrom;
        long @org.jspecify.annotations.Nullable [] best;
        double bestCost = Double.POSITIVE_INFINITY;
        long bestServers = Long.MAX_VALUE;

        Search(double[][] capacity, double[] price, double[][] cheapestFrom) {
            this.capacity = capacity;
            this.price = price;
            this.cheapestFrom = cheapestFrom;
        }

        void run(int sku, double[] left, double cost, long[] counts) {
            double bound = cost;
            boolean done = true;
            for (int r = 0; r < left.length; r++) {
                if (left[r] > HELD) {
                    done = false;
                    if (cheapestFrom[sku][r] == Double.POSITIVE_INFINITY) {
                        return;
                    }
                    bound = Math.max(bound, cost + left[r] * cheapestFrom[sku][r]);
                }
            }
            if (done) {
                offer(counts, cost);
                return;
            }
            if (bound > bestCost * (1 + 1e-12)) {
                return;
            }
            // Beyond what holds every resource on its own, more of this SKU only costs more.
            long most = 0;
            for (int r = 0; r < left.length; r++) {
                if (left[r] > HELD && capacity[sku][r] > 0) {
                    most = Math.max(most, (long) Math.ceil(left[r] / capacity[sku][r] - HELD));
                }
            }
            boolean last = sku == counts.length - 1;
            for (long n = most; n >= (last ? most : 0); n--) {
                double[] rest = left.clone();
                for (int r = 0; r < rest.length; r++) {
                    rest[r] -= n * capacity[sku][r];
                }
                counts[sku] = n;
                if (last) {
                    if (Arrays.stream(rest).allMatch(amount -> amount <= HELD)) {
                        offer(counts, cost + n * price[sku]);
                    }
                } else {
                    run(sku + 1, rest, cost + n * price[sku], counts);
                }
            }
            counts[sku] = 0;
        }

        /** Keeps {@code counts} if it is cheaper, or as cheap with fewer servers, or with more of the earlier SKUs. */
        void offer(long[] counts, double cost) {
            long servers = Arrays.stream(counts).sum();
            boolean better;
            if (best == null || cost < bestCost * (1 - 1e-12)) {
                better = true;
            } else if (cost > bestCost * (1 + 1e-12)) {
                better = false;
            } else if (servers != bestServers) {
                better = servers < bestServers;
            } else {
                better = Arrays.compare(counts, best) > 0;
            }
            if (better) {
                best = counts.clone();
                bestCost = cost;
                bestServers = servers;
            }
        }
    }
}
