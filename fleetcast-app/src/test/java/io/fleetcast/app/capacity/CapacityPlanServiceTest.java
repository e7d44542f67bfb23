package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.app.DemoFleet;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.capacity.PathDay;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The capacity plan on the simulator's fleet (the demo's: 2,000 servers, 3 years, seed 42), whose clusters built to run
 * out of capacity are in {@code truth.json}: each is flagged with a P50 exhaustion date within 14 days of the designed
 * date, at most one other cluster is flagged, and the plan is stored as a version with its daily paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityPlanServiceTest {
    private DemoFleet fleet;
    private FleetcastApp app;
    private JsonNode truth;
    private CapacityPlanDocument plan;

    @BeforeAll
    void planTheSimulatedFleet() {
        fleet = DemoFleet.load(CapacityPlanService.INPUTS);
        app = fleet.app();
        truth = fleet.truth();
        plan = app.capacity()
                .run(new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, true), CapacityPlanService.Progress.NONE);
    }

    @AfterAll
    void close() {
        fleet.close();
    }

    @Test
    void flagsTheClustersBuiltToRunOutOnTime() {
        assertFlagsTheClustersBuiltToRunOutOnTime(truth, plan);
    }

    /**
     * Each cluster {@code truth} says was built to run out is flagged with a P50 exhaustion date within 14 days of its
     * designed date, and at most one other cluster is flagged.
     */
    static void assertFlagsTheClustersBuiltToRunOutOnTime(JsonNode truth, CapacityPlanDocument plan) {
        Map<String, LocalDate> designed = new TreeMap<>();
        for (JsonNode exhaustion : truth.path("exhaustion")) {
            if (exhaustion.path("designed").asBoolean()) {
                designed.merge(
                        exhaustion.path("cluster").asText(),
                        LocalDate.parse(exhaustion.path("date").asText()),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, LocalDate> flagged = new TreeMap<>();
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            if (entry.exhaustionP50() != null) {
                flagged.merge(entry.cluster(), LocalDate.parse(entry.exhaustionP50()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        assertThat(designed).as("clusters truth.json says run out").isNotEmpty();
        designed.forEach((cluster, date) -> {
            assertThat(flagged).as("clusters flagged").containsKey(cluster);
            assertThat(Math.abs(ChronoUnit.DAYS.between(date, flagged.get(cluster))))
                    .as("%s: P50 exhaustion %s against the designed %s", cluster, flagged.get(cluster), date)
                    .isLessThanOrEqualTo(14);
        });
        assertThat(flagged.keySet().stream().filter(cluster -> !designed.containsKey(cluster)))
                .as("clusters flagged that were not built to run out")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theBadBatchTheSimulatorBuiltGetsALifeOfItsOwn() {
        List<String> badBatches = new ArrayList<>();
        for (JsonNode life : truth.path("weibull")) {
            if (!life.path("batch").isNull()) {
                badBatches.add(life.path("sku").asText() + " batch "
                        + life.path("batch").asText());
            }
        }
        assertThat(badBatches).hasSize(1);
        assertThat(plan.lifeFits()).containsKeys(badBatches.toArray(String[]::new));
        // Its SKU is fitted without it: the rest of compute-2024 lives far longer than the batch.
        assertThat(plan.lifeFits().get(badBatches.get(0)))
                .startsWith("Weibayes")
                .contains("a life of its own");
        // The SKUs with few failures take the fleet's shape.
        assertThat(plan.lifeFits().values()).anyMatch(note -> note.contains("too few to fit a shape"));
    }

    @Test
    void binomialTailsAreWorkedByHand() {
        assertThat(CapacityPlanService.binomialAtLeast(0, 3, 0.5)).isEqualTo(1);
        assertThat(CapacityPlanService.binomialAtLeast(4, 3, 0.5)).isEqualTo(0);
        // P(X >= 2 | 3, 1/2) = (3 + 1) / 8; P(X = 3) = 1 / 8.
        assertThat(CapacityPlanService.binomialAtLeast(2, 3, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(CapacityPlanService.binomialAtLeast(3, 3, 0.5)).isCloseTo(0.125, within(1e-12));
        // P(X >= 1 | 18, 0.1) = 1 - 0.9^18.
        assertThat(CapacityPlanService.binomialAtLeast(1, 18, 0.1)).isCloseTo(1 - Math.pow(0.9, 18), within(1e-12));
        // A far tail keeps its digits: P(X = 10 | 10, 0.01) = 1e-20.
        assertThat(CapacityPlanService.binomialAtLeast(10, 10, 0.01)).isCloseTo(1e-20, within(1e-30));
    }

    @Test
    void theDocumentHasTheContractsFields() {
        assertThat(plan.asOf()).isEqualTo("2026-10-31");
        assertThat(plan.planVersion()).isEqualTo(1);
        CapacityPlanDocument.Entry entry = plan.clusters().stream()
                .filter(e ->
                        e.cluster().equals("us-east-dc1-c01") && e.resource().equals("cpu"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.unit()).isEqualTo("cores");
        // The usable capacity the day after the end, as the simulator computes it (truth.json).
        double usable = 0;
        for (JsonNode exhaustion : truth.path("exhaustion")) {
            if (exhaustion.path("cluster").asText().equals("us-east-dc1-c01")
                    && exhaustion.path("resource").asText().equals("cpu")) {
                usable = exhaustion.path("usable_capacity_after_end").asDouble();
            }
        }
        assertThat(entry.supply()).isCloseTo(usable, org.assertj.core.api.Assertions.within(usable * 0.01));
        assertThat(entry.headroom().components())
                .extracting(CapacityPlanDocument.Component::name)
                .contains("forecast_error", "supply_variance", "failure_domains", "maintenance", "utilization_ceiling");
        assertThat(entry.headroom().flatRule()).isNotNull();
        // Its own backtest errors, a dozen at most; the forecast error is sized from them and the other clusters'.
        List<Double> own = requireNonNull(entry.headroom().backtestErrors());
        assertThat(own).hasSizeBetween(1, ClusterHeadroom.ORIGINS);
        int pooled = plan.clusters().stream()
                .filter(e -> e.resource().equals("cpu")
                        && e.headroom().backtestErrors() != null
                        && e.headroom().backtestErrors().size() == ClusterHeadroom.ORIGINS)
                .mapToInt(e -> ClusterHeadroom.ORIGINS)
                .sum();
        assertThat(entry.headroom().components().get(0).explanation())
                .contains(" of " + (own.size() + pooled - (own.size() == ClusterHeadroom.ORIGINS ? own.size() : 0))
                        + " backtest errors");
        // Every order names its SKU, site, order-by date and cost, and explains itself.
        List<CapacityPlanDocument.Order> orders =
                plan.clusters().stream().flatMap(e -> e.orders().stream()).toList();
        assertThat(orders).isNotEmpty().allSatisfy(order -> {
            assertThat(order.quantity()).isPositive();
            assertThat(order.cost()).isPositive();
            assertThat(LocalDate.parse(order.orderBy())).isAfterOrEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(order.why()).isNotEmpty();
        });
        // The requests are allocated, never beyond a pool's free supply.
        assertThat(plan.allocations()).isNotEmpty();
        assertThat(plan.allocationPools()).isNotEmpty().allSatisfy(item -> {
            AllocationService.PoolSummary pool = (AllocationService.PoolSummary) item;
            assertThat(pool.granted()).isLessThanOrEqualTo(pool.supply() * (1 + 1e-9));
        });
        assertThat(plan.utilization()).isNotEmpty();
    }

    @Test
    void aCloudClustersSupplyIsSplitIntoReservedAndOnDemandAsItsInstancesAre() throws IOException {
        // The simulated instances in service at the end, by cluster and purchase option, in cores.
        Map<String, Double> cores = new TreeMap<>();
        try (var lines = Files.lines(fleet.data().resolve("skus.csv"))) {
            lines.skip(1).forEach(line -> {
                String[] fields = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                cores.put(fields[0], Double.parseDouble(fields[3]));
            });
        }
        Map<String, Double> expected = new TreeMap<>();
        try (var lines = Files.lines(fleet.data().resolve("assets.csv"))) {
            lines.skip(1).map(line -> line.split(",", -1)).forEach(asset -> {
                LocalDate end = LocalDate.of(2026, 10, 31);
                boolean gone = (!asset[10].isEmpty()
                                && !LocalDate.parse(asset[10]).isAfter(end))
                        || (!asset[11].isEmpty() && !LocalDate.parse(asset[11]).isAfter(end));
                if (!asset[8].equals("owned")
                        && !gone
                        && !LocalDate.parse(asset[9]).isAfter(end)) {
                    expected.merge(asset[5] + "/" + asset[8], cores.get(asset[1]), Double::sum);
                }
            });
        }
        List<CapacityPlanDocument.Entry> cloud = plan.clusters().stream()
                .filter(entry -> entry.elastic() && entry.resource().equals("cpu"))
                .toList();
        assertThat(cloud).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.reserved()).isEqualTo(expected.getOrDefault(entry.cluster() + "/reserved", 0.0));
            assertThat(entry.onDemand()).isEqualTo(expected.getOrDefault(entry.cluster() + "/on_demand", 0.0));
            assertThat(entry.notes()).anyMatch(note -> note.startsWith("cpu: ") && note.contains(" reserved and "));
        });
        assertThat(plan.clusters().stream().filter(entry -> !entry.elastic()))
                .allSatisfy(entry -> assertThat(entry.reserved()).isNull());
    }

    @Test
    void thePlanIsStoredWithItsDailyPaths() {
        assertThat(app.capacity().latest().orElseThrow().clusters()).hasSameSizeAs(plan.clusters());
        List<PathDay> path = app.capacity().path(1, "us-east-dc1-c01", "cpu");
        assertThat(path).hasSize(365);
        assertThat(path.get(0).day()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(path).allSatisfy(day -> assertThat(day.demandP99()).isGreaterThanOrEqualTo(day.demandP50()));
    }

    @Test
    void extraCapacityServesTheUnmetRequestsOfItsPoolAndListsThem() {
        AllocationService.PoolSummary shortPool = plan.allocationPools().stream()
                .map(item -> (AllocationService.PoolSummary) item)
                .filter(pool -> pool.unmet() > 0)
                .findFirst()
                .orElseThrow();
        double extra = shortPool.unmet();
        CapacityPlanDocument more = app.capacity()
                .run(
                        new CapacityPlanService.Request(
                                365,
                                0.99,
                                WhatIf.parse(
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of(shortPool.cluster() + ":" + shortPool.resource() + ":" + extra)),
                                false),
                        CapacityPlanService.Progress.NONE);

        assertThat(more.planVersion()).isNull();
        assertThat(plan.allocationChanges()).isNull();
        List<AllocationService.Change> changes = java.util.Objects.requireNonNull(more.allocationChanges());
        assertThat(changes).isNotEmpty().allSatisfy(change -> {
            assertThat(change.cluster()).isEqualTo(shortPool.cluster());
            assertThat(change.resource()).isEqualTo(shortPool.resource());
            assertThat(change.grantedAfter()).isGreaterThan(change.grantedBefore());
            assertThat(change.unmetAfter()).isZero();
        });
        // Exactly the pool's unmet demand was added, so every request in it is now served in full.
        assertThat(changes.stream().mapToDouble(AllocationService.Change::delta).sum())
                .isCloseTo(extra, org.assertj.core.api.Assertions.within(extra * 1e-9));
        assertThatThrownBy(() -> run(WhatIf.parse(List.of(), List.of(), List.of(), List.of("nowhere-c9:cpu:10"))))
                .hasMessageContaining("--extra-capacity names nowhere-c9 cpu");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of(), List.of(), List.of("c01:gpu:10")))
                .hasMessageContaining("gpu is not a resource");
    }

    @Test
    void aWhatIfWithMoreSupplyRunsOutLaterAndIsNotStored() {
        CapacityPlanDocument more = app.capacity()
                .run(
                        new CapacityPlanService.Request(
                                365,
                                0.99,
                                WhatIf.parse(
                                        List.of(), List.of("us-east-dc1-c01:compute-2026:200@2026-11-15"), List.of()),
                                false),
                        CapacityPlanService.Progress.NONE);
        assertThat(more.planVersion()).isNull();
        assertThat(more.whatIf()).containsExactly("+200 × compute-2026 in us-east-dc1-c01 from 2026-11-15");
        CapacityPlanDocument.Entry cpu = more.clusters().stream()
                .filter(e ->
                        e.cluster().equals("us-east-dc1-c01") && e.resource().equals("cpu"))
                .findFirst()
                .orElseThrow();
        assertThat(cpu.exhaustionP50()).isNull();
    }

    @Test
    void aLaterPlanIsComparedWithAnEarlierOne() {
        CapacityPlanDocument looser = app.capacity()
                .run(new CapacityPlanService.Request(365, 0.9, WhatIf.NONE, true), CapacityPlanService.Progress.NONE);
        int version = java.util.Objects.requireNonNull(looser.planVersion());
        CapacityPlanDiff diff = app.capacity().diff(1, version);
        assertThat(diff.changes()).hasSameSizeAs(plan.clusters());
        // The same data: P50 exhaustion does not move; a lower service level holds less headroom.
        assertThat(diff.changes()).allSatisfy(change -> {
            assertThat(change.exhaustionP50After()).isEqualTo(change.exhaustionP50Before());
            assertThat(change.what()).noneMatch(line -> line.startsWith("P50 exhaustion"));
        });
        assertThat(diff.changes())
                .filteredOn(change -> change.status().equals("changed"))
                .isNotEmpty()
                .allSatisfy(change -> assertThat(change.what()).anyMatch(line -> line.startsWith("headroom")));
        assertThatThrownBy(() -> app.capacity().diff(1, 99))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("capacity plan 99 is not stored");
    }

    @Test
    void badWhatIfsAreNamed() {
        assertThatThrownBy(() -> run(WhatIf.parse(List.of("nowhere-c9=1.5"), List.of(), List.of())))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("nowhere-c9");
        assertThatThrownBy(() -> WhatIf.parse(List.of(), List.of("us-east-dc1-c01:compute-2026:-5"), List.of()))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> run(WhatIf.parse(List.of(), List.of("us-east-dc1-c01:ghost-sku:5"), List.of())))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("ghost-sku");
        assertThatThrownBy(() -> run(WhatIf.parse(List.of(), List.of(), List.of("PO-404:30"))))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("PO-404");
        assertThatThrownBy(() -> new CapacityPlanService.Request(365, 1.5, WhatIf.NONE, false))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("--service-level");
    }

    @Test
    void mixingAnotherLinesServersInIsNotedWhereItSavesAndOrderedAsAWhatIf() {
        // The simulator builds each cluster of one line (compute, memory or storage servers). ap-southeast-dc1-c02 is
        // a compute cluster that runs out of memory first: memory servers hold a GiB for 22 USD, compute ones for 41.
        CapacityPlanDocument mixed = app.capacity()
                .run(
                        new CapacityPlanService.Request(365, 0.99, WhatIf.NONE.withMixedLines(), false),
                        CapacityPlanService.Progress.NONE);
        assertThat(mixed.planVersion()).isNull();
        assertThat(mixed.whatIf())
                .containsExactly("orders mix the newest SKU of every product line in, at the least cost");

        Map<String, List<CapacityPlanDocument.Order>> own = ordersByCluster(plan);
        Map<String, List<CapacityPlanDocument.Order>> withOthers = ordersByCluster(mixed);
        assertThat(withOthers.keySet()).isEqualTo(own.keySet());
        int saving = 0;
        for (String cluster : own.keySet()) {
            List<CapacityPlanDocument.Order> alone = requireNonNull(own.get(cluster));
            List<CapacityPlanDocument.Order> mix = requireNonNull(withOthers.get(cluster));
            String ownSku = alone.get(0).sku();
            assertThat(alone).as(cluster).allMatch(order -> order.sku().equals(ownSku));
            double aloneCost =
                    alone.stream().mapToDouble(CapacityPlanDocument.Order::cost).sum();
            double mixCost =
                    mix.stream().mapToDouble(CapacityPlanDocument.Order::cost).sum();
            List<String> notes = plan.clusters().stream()
                    .filter(entry -> entry.cluster().equals(cluster))
                    .findFirst()
                    .orElseThrow()
                    .notes();
            if (mix.stream().allMatch(order -> order.sku().equals(ownSku))) {
                // Where no other line's servers are cheaper, the what-if orders exactly what the plan does.
                assertThat(mix).as(cluster).isEqualTo(alone);
                assertThat(notes).noneMatch(note -> note.startsWith("mixing in"));
            } else if (mixCost < 0.99 * aloneCost) {
                saving++;
                assertThat(notes)
                        .as(cluster)
                        .anyMatch(note -> note.startsWith("mixing in ")
                                && note.contains(String.format(
                                        Locale.ROOT,
                                        "would hold the same shortfalls for %,.0f USD, not %,.0f USD",
                                        mixCost,
                                        aloneCost)));
            }
        }
        assertThat(requireNonNull(withOthers.get("ap-southeast-dc1-c02")))
                .anyMatch(order -> order.sku().startsWith("memory-"));
        assertThat(saving).isPositive();
    }

    private static Map<String, List<CapacityPlanDocument.Order>> ordersByCluster(CapacityPlanDocument document) {
        Map<String, List<CapacityPlanDocument.Order>> orders = new TreeMap<>();
        for (CapacityPlanDocument.Entry entry : document.clusters()) {
            for (CapacityPlanDocument.Order order : entry.orders()) {
                orders.computeIfAbsent(entry.cluster(), c -> new ArrayList<>()).add(order);
            }
        }
        orders.values()
                .forEach(list -> list.sort(Comparator.comparing(CapacityPlanDocument.Order::needBy)
                        .thenComparing(CapacityPlanDocument.Order::sku)));
        return orders;
    }

    private CapacityPlanDocument run(WhatIf whatIf) {
        return app.capacity()
                .run(new CapacityPlanService.Request(30, 0.99, whatIf, false), CapacityPlanService.Progress.NONE);
    }
}
