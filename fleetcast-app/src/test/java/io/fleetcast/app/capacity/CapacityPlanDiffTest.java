package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.CapacityPlanDiff.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two plans of {@link HandWorkedCluster}'s ash-c1 set by hand: the earlier runs out of cpu at P50 on 2025-06-01 and of
 * nothing else, with no orders and no memory headroom; the later runs out of cpu 21 days sooner and of memory on
 * 2025-09-01, holds 12.5 GiB of memory headroom, orders 3 servers of {@code big} (43,500 USD), and has no storage
 * entry.
 */
class CapacityPlanDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static CapacityPlanDocument earlier;
    private static CapacityPlanDocument later;

    @BeforeAll
    static void twoPlans() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        String plan;
        try (FleetcastApp app = HandWorkedCluster.open(folder, files)) {
            plan = app.capacity()
                    .run(
                            new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false),
                            CapacityPlanService.Progress.NONE)
                    .toJson();
        }
        ObjectNode first = (ObjectNode) JSON.readTree(plan);
        first.put("plan_version", 1);
        for (JsonNode entry : first.get("clusters")) {
            ObjectNode each = (ObjectNode) entry;
            each.putNull("exhaustion_p50");
            each.putNull("exhaustion_p99");
            each.putNull("need_by");
            each.putArray("orders");
        }
        entry(first, "cpu").put("exhaustion_p50", "2025-06-01").put("exhaustion_p99", "2025-05-01");
        ((ObjectNode) entry(first, "memory").get("headroom")).put("total", 0.0);
        ObjectNode second = first.deepCopy();
        second.put("plan_version", 2);
        entry(second, "cpu").put("exhaustion_p50", "2025-05-11").put("exhaustion_p99", "2025-05-01");
        entry(second, "memory").put("exhaustion_p50", "2025-09-01");
        // cpu demand at the horizon's end 2.5% higher; memory's 0.5% higher, too little to report.
        ObjectNode cpuAfter = entry(second, "cpu");
        cpuAfter.put(
                "demand_p50_at_end",
                entry(first, "cpu").get("demand_p50_at_end").asDouble() * 1.025);
        ObjectNode memoryAfter = entry(second, "memory");
        ((ObjectNode) memoryAfter.get("headroom")).put("total", 12.5);
        memoryAfter.put(
                "demand_p50_at_end",
                entry(first, "memory").get("demand_p50_at_end").asDouble() * 1.005);
        ObjectNode order = entry(second, "cpu").withArray("orders").addObject();
        order.put("sku", "big").put("quantity", 3).put("site", "dc-ash").put("cluster", "ash-c1");
        order.put("order_by", "2025-04-01").put("need_by", "2025-05-01").put("lead_time_days", 75);
        order.put("late", true).put("cost", 43_500.0).put("currency", "USD").put("binding_resource", "cpu");
        order.putArray("why").add("by hand");
        ArrayNode clusters = (ArrayNode) second.get("clusters");
        for (int i = clusters.size() - 1; i >= 0; i--) {
            if (clusters.get(i).get("resource").asText().equals("storage")) {
                clusters.remove(i);
            }
        }
        earlier = CapacityPlanDocument.parse(JSON.writeValueAsString(first));
        later = CapacityPlanDocument.parse(JSON.writeValueAsString(second));
    }

    private static ObjectNode entry(ObjectNode plan, String resource) {
        for (JsonNode entry : plan.get("clusters")) {
            if (entry.get("cluster").asText().equals("ash-c1")
                    && entry.get("resource").asText().equals(resource)) {
                return (ObjectNode) entry;
            }
        }
        throw new AssertionError("no ash-c1 " + resource);
    }

    @Test
    void eachClusterResourceSaysWhatMovedTheLargestMovesFirst() {
        CapacityPlanDiff comparison = CapacityPlanDiff.of(earlier, later);

        assertThat(comparison.from()).isEqualTo(1);
        assertThat(comparison.to()).isEqualTo(2);
        // Running out newly and leaving the plan rank above a shift of 21 days; ties by resource.
        assertThat(comparison.changes())
                .extracting(Change::resource, Change::status, Change::exhaustionP50Shift)
                .containsExactly(
                        tuple("memory", "changed", null),
                        tuple("storage", "removed", null),
                        tuple("cpu", "changed", -21L));
        Change cpu = comparison.changes().get(2);
        assertThat(cpu.what())
                .containsExactly(
                        "P50 exhaustion 21 days sooner (2025-06-01 to 2025-05-11)",
                        String.format(
                                Locale.ROOT,
                                "P50 demand at the horizon's end 2.5%% higher (%,.1f to %,.1f cores)",
                                cpu.demandP50AtEndBefore(),
                                cpu.demandP50AtEndAfter()),
                        "orders 0 to 3 servers (+43,500 USD)");
        assertThat(cpu.exhaustionP99Shift()).isZero();
        assertThat(cpu.serversAfter()).isEqualTo(3);
        assertThat(cpu.orderCostAfter()).isEqualTo(43_500.0);
        assertThat(comparison.changes().get(0).what())
                .containsExactly(
                        "P50 exhaustion now on 2025-09-01 (none within the earlier horizon)",
                        "headroom 12.5 GiB (none before)");
        assertThat(comparison.changes().get(1).supplyAtEndAfter()).isNull();
        assertThat(comparison.changes().get(1).supplyAtEndBefore()).isNotNull();

        CapacityPlanDiff.Totals totals = comparison.totals();
        assertThat(totals.ordersBefore()).isZero();
        assertThat(totals.ordersAfter()).isEqualTo(1);
        assertThat(totals.orderCostAfter()).isEqualTo(43_500.0);
        assertThat(totals.runningOutBefore()).isEqualTo(1);
        assertThat(totals.runningOutAfter()).isEqualTo(2);
        assertThat(totals.changed()).isEqualTo(3);
    }

    @Test
    void amountsAtTheHorizonsEndSayTheDaysWhenTheHorizonsEndApart() throws IOException {
        ObjectNode shorter = (ObjectNode) JSON.readTree(later.toJson());
        shorter.put("horizon_days", 358);

        CapacityPlanDiff diff =
                CapacityPlanDiff.of(earlier, CapacityPlanDocument.parse(JSON.writeValueAsString(shorter)));

        // The data end on 2025-03-31: 365 days ahead is 2026-03-31, 358 days 2026-03-24.
        assertThat(diff.changes().stream()
                        .filter(change -> change.resource().equals("cpu"))
                        .findFirst()
                        .orElseThrow()
                        .what())
                .anyMatch(line ->
                        line.startsWith("P50 demand at the horizon's end (2026-03-31 and 2026-03-24) 2.5% higher"));
    }

    @Test
    void aPlanComparedWithItselfHasNoChanges() {
        CapacityPlanDiff comparison = CapacityPlanDiff.of(later, later);

        assertThat(comparison.changes()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("unchanged");
            assertThat(row.what()).isEmpty();
            assertThat(row.exhaustionP50Shift()).isIn(null, 0L);
        });
        assertThat(comparison.totals().changed()).isZero();
    }

    @Test
    void theScopeKeepsOnlyItsEntries() {
        CapacityPlanDiff comparison =
                CapacityPlanDiff.of(earlier, later, entry -> entry.resource().equals("cpu"));

        assertThat(comparison.changes()).extracting(Change::resource).containsExactly("cpu");
    }
}
