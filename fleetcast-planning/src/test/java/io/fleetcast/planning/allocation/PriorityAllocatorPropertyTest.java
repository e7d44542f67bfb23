package io.fleetcast.planning.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.unit.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of {@link PriorityAllocator} over seeded random instances: 5 seeds × 100 pools with 0-14 requests each,
 * mixed priorities, weights 0.1-5, some zero quantities and ties, supply from nothing to more than asked.
 */
class PriorityAllocatorPropertyTest {
    private static final int SEEDS = 5;
    private static final int POOLS = 100;
    private static final List<Resource> RESOURCES = List.of(Resource.CPU, Resource.MEMORY, Resource.STORAGE);
    private static final List<Priority> PRIORITIES = List.of(Priority.P0, Priority.P1, Priority.P2, Priority.P3);
    private final PriorityAllocator allocator = new PriorityAllocator();

    private record Instance(List<AllocationRequest> requests, Map<Pool, Double> supply) {}

    private static Instance instance(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AllocationRequest> requests = new ArrayList<>();
        Map<Pool, Double> supply = new HashMap<>();
        for (int p = 0; p < POOLS; p++) {
            Pool pool = new Pool("c" + p, RESOURCES.get(random.nextInt(RESOURCES.size())));
            int count = random.nextInt(15);
            double asked = 0;
            for (int r = 0; r < count; r++) {
                double quantity = random.nextInt(10) == 0 ? 0 : Math.round(random.nextDouble(0, 500) * 4) / 4.0;
                double weight = random.nextBoolean() ? 1 : Math.round(random.nextDouble(0.1, 5) * 10) / 10.0;
                Priority priority = PRIORITIES.get(random.nextInt(PRIORITIES.size()));
                requests.add(PriorityAllocatorTest.request("r" + p + "-" + r, pool, priority, quantity, weight));
                asked += quantity;
            }
            supply.put(pool, random.nextInt(8) == 0 ? 0.0 : (double) Math.round(random.nextDouble(0, 1.5) * asked));
        }
        return new Instance(requests, supply);
    }

    private static double tolerance(double supply) {
        return 1e-9 * Math.max(1, supply);
    }

    @Test
    void neverGrantsMoreThanSupplyOrThanAsked() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Instance instance = instance(seed);
            Allocation allocation = allocator.allocate(instance.requests(), instance.supply());
            assertThat(allocation.grants()).hasSameSizeAs(instance.requests());
            Map<Pool, Double> granted = new HashMap<>();
            for (Grant grant : allocation.grants()) {
                double quantity = grant.request().quantity();
                assertThat(grant.granted()).isBetween(0.0, quantity);
                assertThat(grant.granted() + grant.unmet()).isEqualTo(quantity);
                granted.merge(grant.request().pool(), grant.granted(), Double::sum);
            }
            for (PoolAllocation pool : allocation.pools()) {
                double supply = instance.supply().getOrDefault(pool.pool(), Double.NaN);
                assertThat(granted.get(pool.pool())).isLessThanOrEqualTo(supply + tolerance(supply));
                assertThat(pool.granted()).isLessThanOrEqualTo(supply + tolerance(supply));
                assertThat(pool.granted() + pool.unmet())
                        .isCloseTo(pool.requested(), within(tolerance(pool.requested())));
            }
        }
    }

    @Test
    void aLowerPriorityGetsNothingWhileAHigherOneLacks() {
        int checked = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Instance instance = instance(seed);
            Allocation allocation = allocator.allocate(instance.requests(), instance.supply());
            Map<Pool, List<Grant>> byPool = new HashMap<>();
            allocation
                    .grants()
                    .forEach(grant -> byPool.computeIfAbsent(grant.request().pool(), pool -> new ArrayList<>())
                            .add(grant));
            for (List<Grant> grants : byPool.values()) {
                for (Grant lacking : grants) {
                    if (lacking.unmet() <= tolerance(lacking.request().quantity())) {
                        continue;
                    }
                    for (Grant other : grants) {
                        if (other.request()
                                        .priority()
                                        .compareTo(lacking.request().priority())
                                > 0) {
                            assertThat(other.granted()).as(other.requestId()).isZero();
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("pairs checked").isGreaterThan(500);
    }

    /**
     * Water-filling: in a shared priority there is one level λ; a request that lacks got exactly λ × weight, and a
     * request served in full asked at most λ × weight. Nothing is left in the pool while a request lacks.
     */
    @Test
    void withinAPriorityTheWaterFillingConditionHolds() {
        int shared = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Instance instance = instance(seed);
            Allocation allocation = allocator.allocate(instance.requests(), instance.supply());
            for (PoolAllocation pool : allocation.pools()) {
                double tolerance = tolerance(pool.supply());
                if (pool.unmet() > tolerance) {
                    assertThat(pool.left())
                            .as("supply left in %s while requests lack", pool.pool())
                            .isLessThan(tolerance * 10);
                }
                for (PriorityShare share : pool.priorities()) {
                    if (share.serving() != PriorityShare.Serving.SHARED) {
                        continue;
                    }
                    shared++;
                    double level = share.fairLevel().orElseThrow();
                    for (Grant grant : allocation.grants()) {
                        AllocationRequest request = grant.request();
                        if (!request.pool().equals(pool.pool()) || request.priority() != share.priority()) {
                            continue;
                        }
                        double fair = level * request.weight();
                        if (grant.unmet() > tolerance) {
                            assertThat(grant.granted()).as(grant.requestId()).isCloseTo(fair, within(tolerance));
                        } else {
                            assertThat(request.quantity()).as(grant.requestId()).isLessThanOrEqualTo(fair + tolerance);
                        }
                    }
                }
            }
        }
        assertThat(shared).as("shared priorities checked").isGreaterThan(200);
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRequests() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Instance instance = instance(seed);
            Allocation expected = allocator.allocate(instance.requests(), instance.supply());
            for (int shuffle = 0; shuffle < 3; shuffle++) {
                List<AllocationRequest> shuffled = new ArrayList<>(instance.requests());
                Collections.shuffle(shuffled, new Random(seed * 31 + shuffle));
                assertThat(allocator.allocate(shuffled, instance.supply())).isEqualTo(expected);
            }
        }
    }

    @Test
    void extraSupplyNeverTakesAnythingAway() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Instance instance = instance(seed);
            SplittableRandom random = new SplittableRandom(seed + 1000);
            Map<Pool, Double> extra = new HashMap<>();
            instance.supply().keySet().forEach(pool -> {
                if (random.nextBoolean()) {
                    extra.put(pool, (double) random.nextInt(300));
                }
            });
            WhatIf whatIf = allocator.whatIf(instance.requests(), instance.supply(), extra);
            for (WhatIf.Change change : whatIf.changes()) {
                assertThat(change.delta()).as(change.describe()).isGreaterThan(-tolerance(change.grantedBefore()));
                assertThat(extra).containsKey(change.request().pool());
            }
            assertThat(whatIf.changes()).isNotEmpty();
        }
    }
}
