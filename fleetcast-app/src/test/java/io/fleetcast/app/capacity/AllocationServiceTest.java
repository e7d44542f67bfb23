package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.allocation.Pool;
import io.fleetcast.store.RequestStore;
import io.fleetcast.store.request.StoredRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AllocationServiceTest {
    private static final Pool CPU = new Pool("ash-c1", Resource.CPU);
    private static final Pool MEMORY = new Pool("ash-c1", Resource.MEMORY);
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** Requests as a store would hold them. */
    private record FakeRequestStore(List<StoredRequest> requests) implements RequestStore {}

    private static StoredRequest stored(
            String id,
            @Nullable String service,
            Resource resource,
            double quantity,
            String priority,
            double weight,
            int line) {
        return new StoredRequest(
                id,
                "team-" + id,
                service,
                "ash-c1",
                resource,
                quantity,
                LocalDate.of(2027, 1, 15),
                priority,
                weight,
                "growth",
                "requests.csv",
                line);
    }

    /** The hand-computed case of PriorityAllocatorTest: 100 cores, P0 30; P1 120 shared at 20 per unit of weight. */
    private static AllocationService service() {
        List<StoredRequest> requests = new ArrayList<>(List.of(
                stored("E", "batch", Resource.CPU, 20, "P2", 1, 6),
                stored("B", "search", Resource.CPU, 50, "P1", 1, 3),
                stored("A", "checkout", Resource.CPU, 30, "P0", 1, 2),
                stored("D", "ads", Resource.CPU, 60, "P1", 2, 5),
                stored("C", null, Resource.CPU, 10, "P1", 1, 4),
                stored("M", "cache", Resource.MEMORY, 512, "P1", 1, 7)));
        return new AllocationService(new FakeRequestStore(ImmutableList.copyOf(requests)));
    }

    @Test
    void allocatesTheStoredRequestsByPriorityThenFairShare() {
        AllocationService.Result result = service().allocate(Map.of(CPU, 100.0));

        assertThat(result.allocations())
                .extracting(
                        AllocationService.RequestAllocation::requestId,
                        AllocationService.RequestAllocation::granted,
                        AllocationService.RequestAllocation::unmet,
                        AllocationService.RequestAllocation::outcome)
                .containsExactly(
                        tuple("A", 30.0, 0.0, "full"),
                        tuple("B", 20.0, 30.0, "partial"),
                        tuple("C", 10.0, 0.0, "full"),
                        tuple("D", 40.0, 20.0, "partial"),
                        tuple("E", 0.0, 20.0, "none"),
                        tuple("M", 0.0, 512.0, "none"));
        AllocationService.PoolSummary cpu = result.pools().get(0);
        assertThat(cpu.shortPriority()).isEqualTo("P1");
        assertThat(cpu.priorities().get(1).fairLevel()).isEqualTo(20.0);
        assertThat(cpu.note()).isNull();
        AllocationService.PoolSummary memory = result.pools().get(1);
        assertThat(memory.supply()).isZero();
        assertThat(memory.note()).isEqualTo("no free supply known for ash-c1 memory; counted as none");
        assertThat(result.allocations().get(5).explanation())
                .isEqualTo("Granted 0 of 512 GiB, 512 GiB unmet. ash-c1 memory has 0 GiB free and higher priorities"
                        + " took all of it; nothing was left for P1.");
    }

    @Test
    void rendersTheAllocationsAsSnakeCaseJson() throws Exception {
        JsonNode json = JSON.valueToTree(service().allocate(Map.of(CPU, 100.0, MEMORY, 1024.0)));

        JsonNode d = json.get("allocations").get(3);
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "request_id",
                        "team",
                        "service",
                        "cluster",
                        "resource",
                        "unit",
                        "priority",
                        "needed_date",
                        "quantity",
                        "weight",
                        "granted",
                        "unmet",
                        "outcome",
                        "explanation",
                        "source");
        assertThat(d.get("request_id").asText()).isEqualTo("D");
        assertThat(d.get("needed_date").asText()).isEqualTo("2027-01-15");
        assertThat(d.get("unit").asText()).isEqualTo("cores");
        assertThat(d.get("granted").asDouble()).isEqualTo(40.0);
        assertThat(d.get("source").asText()).isEqualTo("requests.csv:5");
        assertThat(json.get("allocations").get(2).get("service").isNull()).isTrue();
        JsonNode pool = json.get("pools").get(0);
        assertThat(pool.get("short_priority").asText()).isEqualTo("P1");
        assertThat(pool.get("left").asDouble()).isZero();
        assertThat(pool.get("priorities").get(1).get("fair_level").asDouble()).isEqualTo(20.0);
        assertThat(pool.get("priorities").get(1).get("serving").asText()).isEqualTo("shared");
        assertThat(pool.get("priorities").get(0).get("fair_level").isNull()).isTrue();
        assertThat(json.get("pools").get(1).get("left").asDouble()).isEqualTo(512.0);
    }

    @Test
    void whatIfListsTheRequestsThatGain() {
        AllocationService.WhatIfResult whatIf = service().whatIf(Map.of(CPU, 100.0), Map.of(CPU, 60.0, MEMORY, 256.0));

        assertThat(whatIf.changes())
                .extracting(
                        AllocationService.Change::requestId,
                        AllocationService.Change::grantedBefore,
                        AllocationService.Change::grantedAfter,
                        AllocationService.Change::unmetAfter)
                .containsExactly(
                        tuple("B", 20.0, 50.0, 0.0),
                        tuple("D", 40.0, 60.0, 0.0),
                        tuple("E", 0.0, 10.0, 10.0),
                        tuple("M", 0.0, 256.0, 256.0));
        assertThat(whatIf.changes().get(3).description())
                .isEqualTo("M (ash-c1 memory): granted 0 -> 256 GiB (+256 GiB), 256 GiB unmet");
        assertThat(whatIf.before().pools().get(1).note()).isNotNull();
        assertThat(whatIf.after().pools().get(1).note()).isNull();
        assertThat(whatIf.after().pools().get(1).supply()).isEqualTo(256.0);
    }

    @Test
    void listsThePoolsToSupply() {
        assertThat(service().requestedPools()).containsExactly(CPU, MEMORY);
    }

    @Test
    void badSupplyIsBadInput() {
        assertThatThrownBy(() -> service().allocate(Map.of(CPU, -1.0)))
                .isInstanceOfSatisfying(
                        FleetcastException.class,
                        error -> assertThat(error.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessage("supply of ash-c1 cpu must be a finite number >= 0, got -1.0 cores");
    }
}
