package io.fleetcast.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.EmpiricalDays;
import io.fleetcast.planning.supply.ServerShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SkuMixTest {
    private static final OrderOption COMPUTE = option("compute-2026", new ServerShape(128, 512, 7.68), 21_000);
    private static final OrderOption MEMORY = option("memory-2026", new ServerShape(96, 1536, 3.84), 34_000);
    private static final OrderOption STORAGE = option("storage-2026", new ServerShape(48, 384, 264), 30_000);

    @Test
    void aComputeClusterShortOfMemoryTakesMemoryServersBesideComputeOnes() {
        // The demo's ap-southeast-dc1-c02: 3,586 cores and 31,078 GiB short. Compute servers alone take
        // ⌈31,078 / 512⌉ = 61 (1,281,000 USD). Per core compute servers are cheapest (164 USD against 354), per GiB
        // memory servers (22 USD against 41): 17 compute and 15 memory servers hold 3,616 cores and 31,744 GiB for
        // 867,000 USD, the least of every pair of counts (enumerated by hand in a spreadsheet and by the brute force
        // below); storage servers are dearer per unit of both and are not taken.
        Map<Resource, Double> needed = Map.of(Resource.CPU, 3586.0, Resource.MEMORY, 31078.0);

        assertThat(SkuMix.cheapest(List.of(COMPUTE), needed))
                .hasValueSatisfying(counts -> assertThat(counts).containsExactly(61));
        assertThat(SkuMix.cheapest(List.of(COMPUTE, MEMORY, STORAGE), needed))
                .hasValueSatisfying(counts -> assertThat(counts).containsExactly(17, 15, 0));
    }

    @Test
    void nothingNeededBuysNothingAndAResourceNoSkuHoldsCannotBeHeld() {
        assertThat(SkuMix.cheapest(List.of(COMPUTE, MEMORY), Map.of(Resource.CPU, 0.0)))
                .hasValueSatisfying(counts -> assertThat(counts).containsExactly(0, 0));
        OrderOption diskless = option("diskless", new ServerShape(64, 256, 0), 10_000);
        assertThat(SkuMix.cheapest(List.of(diskless), Map.of(Resource.STORAGE, 1.0)))
                .isEmpty();
    }

    @Test
    void aTieGoesToFewerServersThenToTheClustersOwnSku() {
        // 100 cores: 1 server of 100 cores or 2 of 50 at the same price, 2,000 USD either way.
        OrderOption big = option("big", new ServerShape(100, 100, 1), 2_000);
        OrderOption small = option("small", new ServerShape(50, 50, 1), 1_000);
        assertThat(SkuMix.cheapest(List.of(small, big), Map.of(Resource.CPU, 100.0)))
                .hasValueSatisfying(counts -> assertThat(counts).containsExactly(0, 1));
        OrderOption twin = option("twin", new ServerShape(100, 100, 1), 2_000);
        assertThat(SkuMix.cheapest(List.of(twin, big), Map.of(Resource.CPU, 150.0)))
                .hasValueSatisfying(counts -> assertThat(counts).containsExactly(2, 0));
    }

    @Test
    void findsTheCheapestMixThatEveryCountUpToTheNeedConfirms() {
        Random random = new Random(20261207);
        for (int trial = 0; trial < 300; trial++) {
            List<OrderOption> options = new ArrayList<>();
            int skus = 1 + random.nextInt(3);
            for (int k = 0; k < skus; k++) {
                options.add(option(
                        "sku-" + k,
                        new ServerShape(
                                random.nextInt(4) == 0 ? 0 : 8 + random.nextInt(120),
                                16 + random.nextInt(1500),
                                random.nextInt(3) == 0 ? 0 : random.nextDouble() * 200),
                        1_000 + random.nextInt(40_000)));
            }
            Map<Resource, Double> needed = Map.of(
                    Resource.CPU, random.nextDouble() * 1500,
                    Resource.MEMORY, random.nextDouble() * 15_000,
                    Resource.STORAGE, random.nextInt(2) == 0 ? 0 : random.nextDouble() * 1500);
            double brute = bruteForce(options, needed);
            var found = SkuMix.cheapest(options, needed);
            if (Double.isInfinite(brute)) {
                assertThat(found).as("trial %d", trial).isEmpty();
                continue;
            }
            long[] counts = found.orElseThrow();
            double cost = 0;
            for (int k = 0; k < skus; k++) {
                cost += counts[k] * options.get(k).unitCostUsd();
            }
            for (Resource resource : Resource.values()) {
                double held = 0;
                for (int k = 0; k < skus; k++) {
                    held += counts[k] * options.get(k).shape().capacity(resource);
                }
                assertThat(held)
                        .as("trial %d %s", trial, resource)
                        .isGreaterThanOrEqualTo(needed.getOrDefault(resource, 0.0) - 1e-6);
            }
            assertThat(cost).as("trial %d", trial).isEqualTo(brute);
        }
    }

    /** The least cost over every count of each SKU up to what holds all the need on its own. */
    private static double bruteForce(List<OrderOption> options, Map<Resource, Double> needed) {
        long[] most = new long[options.size()];
        for (int k = 0; k < options.size(); k++) {
            for (Resource resource : Resource.values()) {
                double capacity = options.get(k).shape().capacity(resource);
                if (capacity > 0) {
                    most[k] = Math.max(most[k], (long) Math.ceil(needed.getOrDefault(resource, 0.0) / capacity));
                }
            }
        }
        return search(options, needed, most, 0, new long[options.size()]);
    }

    private static double search(
            List<OrderOption> options, Map<Resource, Double> needed, long[] most, int k, long[] counts) {
        if (k == options.size()) {
            double cost = 0;
            for (Resource resource : Resource.values()) {
                double held = 0;
                for (int i = 0; i < counts.length; i++) {
                    held += counts[i] * options.get(i).shape().capacity(resource);
                }
                if (held < needed.getOrDefault(resource, 0.0) - 1e-9) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            for (int i = 0; i < counts.length; i++) {
                cost += counts[i] * options.get(i).unitCostUsd();
            }
            return cost;
        }
        double best = Double.POSITIVE_INFINITY;
        for (long n = 0; n <= most[k]; n++) {
            counts[k] = n;
            best = Math.min(best, search(options, needed, most, k + 1, counts));
        }
        counts[k] = 0;
        return best;
    }

    private static OrderOption option(String sku, ServerShape shape, double price) {
        return new OrderOption(sku, shape, price, EmpiricalDays.of(30, 60), "test", "test");
    }
}
