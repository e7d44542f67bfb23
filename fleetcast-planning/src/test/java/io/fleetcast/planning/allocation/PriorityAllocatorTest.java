package io.fleetcast.planning.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityAllocatorTest {
    private static final Pool CPU = new Pool("ash-c1", Resource.CPU);
    private static final LocalDate NEEDED = LocalDate.of(2027, 1, 15);
    /**
     * Hand-computed: 100 cores free. P0 takes its 30; P1 asks 120 for the 70 left: C (10, weight 1) is below the level,
     * the level of the rest is (70 - 10) / (1 + 2) = 20, so D (60, weight 2) gets 40 and B (50, weight 1) 20; P2 gets
     * nothing. With 60 more cores P1 is served in full and P2 gets the last 10.
     */
    private static final List<AllocationRequest> HAND_CASE = List.of(
            request("E", Priority.P2, 20, 1),
            request("B", Priority.P1, 50, 1),
            request("A", Priority.P0, 30, 1),
            request("D", Priority.P1, 60, 2),
            request("C", Priority.P1, 10, 1));

    private final PriorityAllocator allocator = new PriorityAllocator();

    static AllocationRequest request(String id, Priority priority, double quantity, double weight) {
        return request(id, CPU, priority, quantity, weight);
    }

    static AllocationRequest request(String id, Pool pool, Priority priority, double quantity, double weight) {
        return new AllocationRequest(
                id, "team-" + id, null, pool.cluster(), pool.resource(), quantity, NEEDED, priority, weight, "growth");
    }

    private static double granted(Allocation allocation, String id) {
        return allocation.grant(id).orElseThrow().granted();
    }

    /** Keshav (1997), pp. 215-217, example 1: demands 2, 2.6, 4, 5 on capacity 10 get 2, 2.6, 2.7, 2.7. */
    @Test
    void reproducesKeshavsMaxMinExample() {
        List<AllocationRequest> requests = List.of(
                request("s1", Priority.P1, 2, 1),
                request("s2", Priority.P1, 2.6, 1),
                request("s3", Priority.P1, 4, 1),
                request("s4", Priority.P1, 5, 1));

        Allocation allocation = allocator.allocate(requests, Map.of(CPU, 10.0));

        assertThat(granted(allocation, "s1")).isEqualTo(2.0);
        assertThat(granted(allocation, "s2")).isEqualTo(2.6);
        assertThat(granted(allocation, "s3")).isCloseTo(2.7, within(1e-12));
        assertThat(granted(allocation, "s4")).isCloseTo(2.7, within(1e-12));
        assertThat(allocation.pools().get(0).priorities().get(0).fairLevel().orElseThrow())
                .isCloseTo(2.7, within(1e-12));
    }

    /**
     * Keshav (1997), pp. 215-217, weighted example: demands 4, 2, 10, 4 with weights 2.5, 4, 0.5, 1 on capacity 16
     * get 4, 2, 6, 4 (source 3 is the only one short; level 6 / 0.5 = 12 per unit of weight).
     */
    @Test
    void reproducesKeshavsWeightedExample() {
        List<AllocationRequest> requests = List.of(
                request("s1", Priority.P2, 4, 2.5),
                request("s2", Priority.P2, 2, 4),
                request("s3", Priority.P2, 10, 0.5),
                request("s4", Priority.P2, 4, 1));

        Allocation allocation = allocator.allocate(requests, Map.of(CPU, 16.0));

        assertThat(granted(allocation, "s1")).isEqualTo(4.0);
        assertThat(granted(allocation, "s2")).isEqualTo(2.0);
        assertThat(granted(allocation, "s3")).isCloseTo(6.0, within(1e-12));
        assertThat(granted(allocation, "s4")).isEqualTo(4.0);
        assertThat(allocation
                        .pools()
                        .get(0)
                        .shortPriority()
                        .orElseThrow()
                        .fairLevel()
                        .orElseThrow())
                .isCloseTo(12.0, within(1e-12));
    }

    /** {@link #HAND_CASE}. */
    @Test
    void servesPrioritiesInOrderAndSharesTheShortOneByWeight() {
        Allocation allocation = allocator.allocate(HAND_CASE, Map.of(CPU, 100.0));

        assertThat(allocation.grants())
                .extracting(Grant::requestId, Grant::granted, Grant::unmet, Grant::outcome)
                .containsExactly(
                        tuple("A", 30.0, 0.0, Grant.Outcome.FULL),
                        tuple("B", 20.0, 30.0, Grant.Outcome.PARTIAL),
                        tuple("C", 10.0, 0.0, Grant.Outcome.FULL),
                        tuple("D", 40.0, 20.0, Grant.Outcome.PARTIAL),
                        tuple("E", 0.0, 20.0, Grant.Outcome.NONE));
        PoolAllocation pool = allocation.pools().get(0);
        assertThat(pool.supply()).isEqualTo(100.0);
        assertThat(pool.requested()).isEqualTo(170.0);
        assertThat(pool.granted()).isEqualTo(100.0);
        assertThat(pool.unmet()).isEqualTo(70.0);
        assertThat(pool.left()).isZero();
        assertThat(pool.priorities())
                .extracting(
                        PriorityShare::priority,
                        PriorityShare::requested,
                        PriorityShare::available,
                        PriorityShare::granted,
                        PriorityShare::serving)
                .containsExactly(
                        tuple(Priority.P0, 30.0, 100.0, 30.0, PriorityShare.Serving.IN_FULL),
                        tuple(Priority.P1, 120.0, 70.0, 70.0, PriorityShare.Serving.SHARED),
                        tuple(Priority.P2, 20.0, 0.0, 0.0, PriorityShare.Serving.NONE));
        assertThat(pool.priorities().get(1).fairLevel()).hasValue(20.0);
    }

    @Test
    void explainsEachGrantWithUnits() {
        Allocation allocation = allocator.allocate(HAND_CASE, Map.of(CPU, 100.0));

        assertThat(allocation.grant("A").orElseThrow().explanation())
                .isEqualTo("Granted all 30 cores. ash-c1 cpu has 100 cores free; P0 asked 30 cores in all and was"
                        + " served in full, leaving 70 cores.");
        assertThat(allocation.grant("D").orElseThrow().explanation())
                .isEqualTo("Granted 40 of 60 cores, 20 cores unmet. ash-c1 cpu has 100 cores free; higher priorities"
                        + " took 30 cores; P1 asked 120 cores for the 70 cores left, shared max-min fairly at a fair"
                        + " level of 20 cores per unit of weight; its share (weight 2) is 40 cores.");
        assertThat(allocation.grant("B").orElseThrow().explanation())
                .isEqualTo("Granted 20 of 50 cores, 30 cores unmet. ash-c1 cpu has 100 cores free; higher priorities"
                        + " took 30 cores; P1 asked 120 cores for the 70 cores left, shared max-min fairly at a fair"
                        + " level of 20 cores per unit of weight; its share (weight 1) is 20 cores.");
        assertThat(allocation.grant("C").orElseThrow().explanation())
                .isEqualTo("Granted all 10 cores. ash-c1 cpu has 100 cores free; higher priorities took 30 cores; P1"
                        + " asked 120 cores for the 70 cores left, shared max-min fairly at a fair level of 20 cores per"
                        + " unit of weight; its ask (weight 1) is within its share of 20 cores.");
        assertThat(allocation.grant("E").orElseThrow().explanation())
                .isEqualTo("Granted 0 of 20 cores, 20 cores unmet. ash-c1 cpu has 100 cores free; P1 above it was not"
                        + " served in full (asked 120 cores for 70 cores left), so P2 gets nothing.");
    }

    @Test
    void equalWeightsAreExplainedAsAnEqualShare() {
        Pool memory = new Pool("euw-c2", Resource.MEMORY);
        Allocation allocation = allocator.allocate(
                List.of(request("x", memory, Priority.P3, 512, 1), request("y", memory, Priority.P3, 2048, 1)),
                Map.of(memory, 1536.0));

        assertThat(granted(allocation, "y")).isEqualTo(1024.0);
        assertThat(allocation.grant("y").orElseThrow().explanation())
                .contains("an equal share of 1024 GiB per request")
                .endsWith("its share is 1024 GiB.");
    }

    @Test
    void aPriorityWithNothingLeftSaysSo() {
        Allocation allocation = allocator.allocate(
                List.of(request("a", Priority.P0, 100, 1), request("b", Priority.P1, 5, 1)), Map.of(CPU, 100.0));

        Grant b = allocation.grant("b").orElseThrow();
        assertThat(b.granted()).isZero();
        assertThat(b.explanation())
                .isEqualTo("Granted 0 of 5 cores, 5 cores unmet. ash-c1 cpu has 100 cores free and higher priorities"
                        + " took all of it; nothing was left for P1.");
    }

    @Test
    void aRequestForNothingIsServedInFull() {
        Allocation allocation = allocator.allocate(List.of(request("z", Priority.P2, 0, 1)), Map.of(CPU, 0.0));

        assertThat(allocation.grant("z").orElseThrow().outcome()).isEqualTo(Grant.Outcome.FULL);
        assertThat(allocation.grant("z").orElseThrow().explanation()).startsWith("Asked for nothing (0 cores).");
    }

    @Test
    void poolsDoNotShare() {
        Pool other = new Pool("ash-c2", Resource.CPU);
        Allocation allocation = allocator.allocate(
                List.of(request("a", Priority.P0, 80, 1), request("b", other, Priority.P3, 80, 1)),
                Map.of(CPU, 10.0, other, 100.0));

        assertThat(granted(allocation, "a")).isEqualTo(10.0);
        assertThat(granted(allocation, "b")).isEqualTo(80.0);
        assertThat(allocation.pools()).extracting(PoolAllocation::pool).containsExactly(CPU, other);
    }

    @Test
    void whatIfReportsTheRequestsThatGainFromExtraSupply() {
        WhatIf whatIf = allocator.whatIf(HAND_CASE, Map.of(CPU, 100.0), Map.of(CPU, 60.0));

        // 160 cores: P0 30, P1 120 in full, P2 gets the last 10.
        assertThat(whatIf.changes())
                .extracting(change -> change.request().id(), WhatIf.Change::grantedBefore, WhatIf.Change::grantedAfter)
                .containsExactly(tuple("B", 20.0, 50.0), tuple("D", 40.0, 60.0), tuple("E", 0.0, 10.0));
        assertThat(whatIf.changes().get(2).describe())
                .isEqualTo("E (ash-c1 cpu): granted 0 -> 10 cores (+10 cores), 10 cores unmet");
        assertThat(whatIf.after().pools().get(0).supply()).isEqualTo(160.0);
        assertThat(whatIf.extraSupply()).isEqualTo(ImmutableMap.of(CPU, 60.0));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> request("n", Priority.P0, -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request n: quantity must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> request("w", Priority.P0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request w: weight must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> allocator.allocate(
                        List.of(request("a", Priority.P0, 1, 1), request("a", Priority.P1, 1, 1)), Map.of(CPU, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request id a appears more than once");
        assertThatThrownBy(() -> allocator.allocate(List.of(request("a", Priority.P0, 1, 1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no supply given for ash-c1 cpu, which requests [a] draw from");
        assertThatThrownBy(() -> allocator.allocate(List.of(), Map.of(CPU, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("supply of ash-c1 cpu must be a finite number >= 0, got NaN cores");
        assertThatThrownBy(() -> allocator.whatIf(List.of(), Map.of(), Map.of(CPU, -5.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -5.0 cores");
    }

    @Test
    void parsesPriorities() {
        assertThat(Priority.parse(" p2 ")).contains(Priority.P2);
        assertThat(Priority.parse("P4")).isEmpty();
    }
}
