package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.EmpiricalDays;
import io.fleetcast.planning.supply.InFlightOrder;
import io.fleetcast.planning.supply.LeadTimes;
import io.fleetcast.planning.supply.PastOrder;
import io.fleetcast.planning.supply.ServerCohort;
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.planning.supply.SupplyForecast;
import io.fleetcast.planning.supply.SupplyPath;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A cluster worked out by hand: 100 cores flat, P50 demand 90 + 2 cores a day, P90 5 and P99 10 cores above it. */
class CapacityPlannerTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final LocalDate START = AS_OF.plusDays(1);
    private static final ServerShape SHAPE = new ServerShape(10, 40, 1);

    @Test
    void findsEachQuantilesCrossingAndSizesTheOrder() {
        ClusterPlan plan = CapacityPlanner.plan(inputs(EmpiricalDays.of(1, 2)), 0.9);

        ResourcePlan cpu = plan.resources().get(0);
        assertThat(cpu.resource()).isEqualTo(Resource.CPU);
        assertThat(cpu.supply()).isEqualTo(100);
        assertThat(cpu.exhaustionP50()).contains(START.plusDays(6));
        assertThat(cpu.exhaustionP90()).contains(START.plusDays(3));
        assertThat(cpu.exhaustionP99()).contains(START.plusDays(1));
        // P50 + 4 cores of headroom passes 100 cores on day 4; the largest gap is 90 + 18 + 4 - 100 = 12 on day 9.
        assertThat(cpu.needBy()).contains(START.plusDays(4));
        assertThat(cpu.shortfall()).isEqualTo(12);
        assertThat(cpu.shortfallDay()).contains(START.plusDays(9));

        assertThat(plan.orders()).hasSize(1);
        OrderRecommendation order = plan.orders().get(0);
        assertThat(order.sku()).isEqualTo("compute-new");
        assertThat(order.quantity()).isEqualTo(2);
        assertThat(order.binding()).isEqualTo(Resource.CPU);
        // Lead time at P90 of {1, 2} days is 2 (nearest rank): order by day 2 to have it on day 4.
        assertThat(order.leadTimeDays()).isEqualTo(2);
        assertThat(order.orderBy()).isEqualTo(START.plusDays(2));
        assertThat(order.late()).isFalse();
        assertThat(order.costUsd()).isEqualTo(2 * 15_000);
        assertThat(order.why()).anyMatch(line -> line.contains("12.0 cores") && line.contains("2 servers"));
        assertThat(order.site()).isEqualTo("site-1");
    }

    @Test
    void aDemandForecastThatIsNotANumberIsRefusedWhereItIsMade() {
        // NaN > supply is false: a day that is not a number would leave the cluster looking safe.
        double[] p50 = {90, 92, Double.NaN};
        double[] upper = {95, 97, 99};
        assertThatThrownBy(() -> new DemandForecast("c1", Resource.CPU, START, p50, upper, upper, "m", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the cpu demand forecast of cluster c1 is not a number on 2026-11-03 (P50 NaN, P90 99.0,"
                        + " P99 99.0)");
    }

    @Test
    void anOrderThatCannotArriveInTimeIsLate() {
        OrderRecommendation order = CapacityPlanner.plan(inputs(EmpiricalDays.of(2, 3, 5)), 0.9)
                .orders()
                .get(0);
        assertThat(order.leadTimeDays()).isEqualTo(5);
        assertThat(order.late()).isTrue();
        assertThat(order.orderBy()).isEqualTo(START);
        assertThat(order.why()).anyMatch(line -> line.startsWith("order now"));
    }

    @Test
    void anElasticClusterNeverRunsOutAndGetsNoOrder() {
        ClusterPlan plan = cloudPlan(Map.of());
        assertThat(plan.orders()).isEmpty();
        assertThat(plan.resources().get(0).exhaustionP50()).isEmpty();
        assertThat(plan.notes()).anyMatch(note -> note.contains("scales on demand"));
    }

    @Test
    void aCloudClustersReservationIsWeighedAgainstItsLowestAndHighestP50Demand() {
        // P50 demand is 90 + 2 x day over ten days: 90 to 108 cores.
        assertThat(cloudPlan(Map.of(Resource.CPU, new CloudCapacity(60, 40))).notes())
                .contains("cpu: 60 cores reserved and 40 on demand now; P50 demand 90 to 108 cores over the horizon,"
                        + " so the reservation is always in use and 30 to 48 cores run on demand; up to 30 cores more"
                        + " could be reserved and stay in use");
        assertThat(cloudPlan(Map.of(Resource.CPU, new CloudCapacity(100, 16))).notes())
                .contains("cpu: 100 cores reserved and 16 on demand now; P50 demand 90 to 108 cores over the horizon,"
                        + " so on its lowest day 10 cores of the reservation would sit idle");
    }

    @Test
    void aClusterOfOwnedServersAndCloudInstancesWeighsRunningItsShortfallOnDemand() {
        // 100 cores of owned and reserved capacity; P50 demand 90 + 2 x day is above it by 2, 4, 6, 8 cores on days
        // 6-9, one 8-core instance a day: 4 instance-days x 24 h x 0.5 USD = 48 USD. P90 (5 cores above P50) is above
        // by 1, 3, 5, 7 (one instance) and 9, 11, 13 (two) on days 3-9: 10 instance-days, 120 USD.
        ClusterInputs owned = inputs(EmpiricalDays.of(1, 2));
        ClusterInputs both = new ClusterInputs(
                owned.cluster(),
                owned.site(),
                owned.region(),
                false,
                owned.demand(),
                owned.supply(),
                owned.headroom(),
                owned.option(),
                Map.of(Resource.CPU, new CloudCapacity(16, 24)),
                Optional.of(new BurstOption("m-8", new ServerShape(8, 32, 0), 0.5)));

        ClusterPlan plan = CapacityPlanner.plan(both, 0.9);

        assertThat(plan.elastic()).isFalse();
        assertThat(plan.resources().get(0).exhaustionP50()).contains(START.plusDays(6));
        assertThat(plan.orders()).extracting(OrderRecommendation::quantity).containsExactly(2L);
        assertThat(plan.notes())
                .containsExactly(
                        "owned servers and cloud instances: usable supply is the owned servers and the reserved"
                                + " instances; the instances on demand now (cpu 24.0 cores) are left out, as they come"
                                + " and go with demand",
                        "on demand (m-8 at 0.5 USD/h): P50 demand above usable supply takes up to 1 instance at once"
                                + " from 2026-11-07, 4 instance-days over the horizon, about 48.0 USD; P90 demand above"
                                + " usable supply takes up to 2 instances at once from 2026-11-04, 10 instance-days"
                                + " over the horizon, about 120 USD; the orders cost 30,000 USD, for servers that"
                                + " outlast the horizon");
        assertThatThrownBy(() -> new ClusterInputs(
                        "cloud-1",
                        "aws",
                        "us-east",
                        true,
                        owned.demand(),
                        Map.of(),
                        Map.of(),
                        Optional.empty(),
                        Map.of(),
                        both.burst()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningOnDemandLeavesOutWhatAnInstanceHoldsNoneOf() {
        // Storage demand of 12 TB against 10: no number of diskless instances helps, so only cpu needs any.
        ClusterInputs owned = inputs(EmpiricalDays.of(1, 2));
        double[] storage = new double[10];
        Arrays.fill(storage, 12);
        Map<Resource, DemandForecast> demand = Map.of(
                Resource.CPU,
                requireNonNull(owned.demand().get(Resource.CPU)),
                Resource.STORAGE,
                new DemandForecast("c1", Resource.STORAGE, START, storage, storage, storage, "by hand", List.of()));
        BurstOption.Burst burst = new BurstOption("m-8", new ServerShape(8, 32, 0), 0.5).run(0.5, demand, supply(10));
        assertThat(burst.instanceDays()).isEqualTo(4);
        assertThat(burst.first()).contains(START.plusDays(6));
        assertThat(burst.costUsd()).isEqualTo(48.0);
    }

    private static ClusterPlan cloudPlan(Map<Resource, CloudCapacity> cloud) {
        return CapacityPlanner.plan(
                new ClusterInputs(
                        "cloud-1",
                        "aws",
                        "us-east",
                        true,
                        inputs(EmpiricalDays.of(1)).demand(),
                        Map.of(),
                        Map.of(),
                        Optional.empty(),
                        cloud,
                        Optional.empty()),
                0.99);
    }

    @Test
    void aSkuThatHoldsNoneOfTheShortResourceGetsNoOrderButANote() {
        ClusterInputs cpuShort = inputs(EmpiricalDays.of(1));
        ClusterPlan plan = CapacityPlanner.plan(
                changed(
                        cpuShort,
                        cpuShort.supply(),
                        cpuShort.headroom(),
                        Optional.of(new OrderOption(
                                "storage-box",
                                new ServerShape(0, 64, 100),
                                9_000,
                                EmpiricalDays.of(1),
                                "by hand",
                                "by hand"))),
                0.99);

        assertThat(plan.orders()).isEmpty();
        assertThat(plan.notes()).contains("cpu: short by 12.0 cores, but storage-box holds no cpu");
    }

    @Test
    void growthOverTheHorizonIsOrderedInQuarterlyTranches() {
        // 100 cores of supply, 4 of headroom, P50 demand 90 + 0.1 x day for 300 days: short from day 61 (0.1 cores).
        // Day 61's tranche covers days 61-151, whose largest gap is 9.1 cores on day 151: one 10-core server. The next
        // shortfall beyond those 10 cores is on day 161 (10.1); its tranche's largest gap is 19.1 on day 251: two
        // servers in all, one more. Then day 261 (20.1) to the horizon's end, 23.9 on day 299: three in all.
        ClusterPlan plan = CapacityPlanner.plan(inputs(EmpiricalDays.of(20), 300, 0.1), 0.9);

        assertThat(plan.orders())
                .extracting(OrderRecommendation::needBy, OrderRecommendation::quantity, OrderRecommendation::orderBy)
                .containsExactly(
                        Tuple.tuple(START.plusDays(61), 1L, START.plusDays(41)),
                        Tuple.tuple(START.plusDays(161), 1L, START.plusDays(141)),
                        Tuple.tuple(START.plusDays(261), 1L, START.plusDays(241)));
        assertThat(plan.orders().get(1).why())
                .anyMatch(line -> line.contains("with the earlier orders on " + START.plusDays(161))
                        && line.contains("19.1 cores on " + START.plusDays(251))
                        && line.endsWith("so 2 servers in all, 1 more than already ordered"));
    }

    /**
     * Seed 71's simulated fleet in small: 50 of 150 cores retire on day 5, and an order of 60 cores is promised for day
     * 6, whose SKU's past orders came 3 days early, on time and a day late. By day 5 the order has arrived with chance
     * 1/3: counted by that chance, 120 cores would stay above P50 demand of 115, but the order more likely than not
     * comes after the retirement, and the cluster is short on day 5, at every quantile.
     */
    @Test
    void aRetirementJustBeforeAnOrderIsDueRunsOutWhileTheOrderIsMoreLikelyStillToCome() {
        int days = 10;
        double[] p50 = new double[days];
        double[] p90 = new double[days];
        double[] p99 = new double[days];
        Arrays.fill(p50, 115);
        Arrays.fill(p90, 120);
        Arrays.fill(p99, 125);
        DemandForecast demand = new DemandForecast("c1", Resource.CPU, START, p50, p90, p99, "by hand", List.of());
        LeadTimes leadTimes = LeadTimes.learn(List.of(
                new PastOrder(
                        "compute-old", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 26)),
                new PastOrder(
                        "compute-old", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1)),
                new PastOrder(
                        "compute-old", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2))));
        SupplyPath cpu = requireNonNull(requireNonNull(SupplyForecast.forecast(
                                AS_OF,
                                days,
                                List.of(
                                        new ServerCohort(
                                                "c1", "compute-old", 10, LocalDate.of(2024, 1, 1), LocalDate.MAX),
                                        new ServerCohort(
                                                "c1", "compute-old", 5, LocalDate.of(2020, 1, 1), START.plusDays(5))),
                                List.of(new InFlightOrder("PO-1", "c1", "compute-old", 6, START.plusDays(6))),
                                Map.of("compute-old", SHAPE),
                                Map.of(),
                                leadTimes)
                        .get("c1"))
                .get(Resource.CPU));
        assertThat(cpu.mean(4)).isEqualTo(150);
        assertThat(cpu.mean(5)).isEqualTo(100);
        assertThat(cpu.standardDeviation(5)).isCloseTo(60 * Math.sqrt(1.0 / 3 * 2 / 3), within(1e-9));
        assertThat(cpu.mean(6)).isEqualTo(160);

        ResourcePlan plan = CapacityPlanner.plan(
                        new ClusterInputs(
                                "c1",
                                "site-1",
                                "region-1",
                                false,
                                Map.of(Resource.CPU, demand),
                                Map.of(Resource.CPU, cpu),
                                Map.of(Resource.CPU, 0.0),
                                Optional.empty(),
                                Map.of(),
                                Optional.empty()),
                        0.9)
                .resources()
                .get(0);

        assertThat(plan.exhaustionP50()).contains(START.plusDays(5));
        assertThat(plan.exhaustionP90()).contains(START.plusDays(5));
        assertThat(plan.exhaustionP99()).contains(START.plusDays(5));
        assertThat(plan.arriving()).isEqualTo(60);
    }

    @Test
    void eachResourcesReasonNamesTheDayItRunsShort() {
        // 100 cores and 400 GiB. cpu: P50 90 + 2 cores a day with 4 of headroom, short from day 4; memory: P50 380 + 2
        // GiB a day with none, short from day 11. One tranche covers both, from day 4.
        int days = 30;
        double[] cores = new double[days];
        double[] gib = new double[days];
        for (int day = 0; day < days; day++) {
            cores[day] = 90 + 2 * day;
            gib[day] = 380 + 2 * day;
        }
        ClusterInputs inputs = cpuAndMemory(cores, gib, 4.0, List.of(), false);

        ClusterPlan plan = CapacityPlanner.plan(inputs, 0.9);

        assertThat(plan.orders()).hasSize(1);
        assertThat(plan.orders().get(0).needBy()).isEqualTo(START.plusDays(4));
        assertThat(plan.orders().get(0).why())
                .anyMatch(line -> line.startsWith(
                        "cpu: P50 demand + 4.0 cores headroom first exceeds usable capacity on " + START.plusDays(4)))
                .anyMatch(line ->
                        line.startsWith("memory: P50 demand + 0.0 GiB headroom first exceeds usable capacity on "
                                + START.plusDays(11)));
    }

    @Test
    void demandWithNoServersIsShortOfAllOfItAndOrdersTheWhole() {
        // No supply at all: P50 demand 90 + 2 x day over ten days is short from day 0, by 108 cores at most (day 9),
        // so eleven 10-core servers; with no headroom sized (there is nothing to size it against).
        ClusterInputs cpuShort = inputs(EmpiricalDays.of(1));
        ClusterPlan plan = CapacityPlanner.plan(changed(cpuShort, Map.of(), Map.of(), cpuShort.option()), 0.9);

        ResourcePlan cpu = plan.resources().get(0);
        assertThat(cpu.supply()).isZero();
        assertThat(cpu.exhaustionP50()).contains(START);
        assertThat(cpu.needBy()).contains(START);
        assertThat(cpu.shortfall()).isEqualTo(108);
        assertThat(cpu.shortfallDay()).contains(START.plusDays(9));
        assertThat(plan.notes())
                .contains("cpu: up to 108 cores of P50 demand, but no servers installed or ordered to serve it");
        assertThat(plan.orders())
                .extracting(OrderRecommendation::quantity, OrderRecommendation::needBy, OrderRecommendation::late)
                .containsExactly(Tuple.tuple(11L, START, true));
    }

    @Test
    void aMixWithAnotherLinesSkuIsNotedAndOrderedWhenAsked() {
        // 100 cores and 400 GiB; P50 demand 110 cores and 700 GiB for 30 days, no headroom: one tranche short by 10
        // cores and 300 GiB. Its own compute-new (10 cores, 40 GiB, 15,000 USD) alone takes ⌈300 / 40⌉ = 8 servers,
        // 120,000 USD. With memory-new (2 cores, 160 GiB, 20,000 USD): memory takes 2 of them unless 4+ compute
        // servers come too, and 2 leave 6 cores for 1 compute server: 55,000 USD; 0 compute servers would need 5
        // memory ones (100,000 USD), 4 and 1 cost 80,000 USD.
        int days = 30;
        double[] cores = new double[days];
        double[] gib = new double[days];
        Arrays.fill(cores, 110);
        Arrays.fill(gib, 700);
        OrderOption memory = new OrderOption(
                "memory-new", new ServerShape(2, 160, 1), 20_000, EmpiricalDays.of(3), "by hand", "by hand");
        ClusterInputs own = cpuAndMemory(cores, gib, 0.0, List.of(memory), false);

        ClusterPlan alone = CapacityPlanner.plan(own, 0.9);
        assertThat(alone.orders())
                .extracting(OrderRecommendation::sku, OrderRecommendation::quantity, OrderRecommendation::binding)
                .containsExactly(Tuple.tuple("compute-new", 8L, Resource.MEMORY));
        assertThat(alone.notes())
                .contains("mixing in memory-new, the newest SKU of another product line, would hold the same"
                        + " shortfalls for 55,000 USD, not 120,000 USD (54% less; what-if: fleetcast plan"
                        + " --mix-lines)");

        ClusterInputs mixing = cpuAndMemory(cores, gib, 0.0, List.of(memory), true);
        ClusterPlan mixed = CapacityPlanner.plan(mixing, 0.9);
        assertThat(mixed.orders())
                .extracting(
                        OrderRecommendation::sku,
                        OrderRecommendation::quantity,
                        OrderRecommendation::binding,
                        OrderRecommendation::leadTimeDays,
                        OrderRecommendation::costUsd)
                .containsExactly(
                        Tuple.tuple("compute-new", 1L, Resource.CPU, 1, 15_000.0),
                        Tuple.tuple("memory-new", 2L, Resource.MEMORY, 3, 40_000.0));
        assertThat(mixed.orders().get(1).why())
                .contains("the least-cost mix that holds these: 1 × compute-new (10.0 cores, 40.0 GiB, 1.0 TB; 15,000"
                        + " USD) + 2 × memory-new (2.0 cores, 160 GiB, 1.0 TB; 20,000 USD) = 55,000 USD; compute-new"
                        + " alone would take 8 servers, 120,000 USD");
        assertThat(mixed.notes())
                .contains("orders mix memory-new in (what-if): 55,000 USD, where compute-new alone would cost 120,000"
                        + " USD");

        // A line whose SKU holds no resource for less per unit than the others' is left out, even where its small
        // servers would fill the gaps: 14 of these (1 core, 10 GiB, 0.1 TB for 2,000 USD) beside 1 memory server hold
        // 16 cores and 300 GiB for 48,000 USD. Only the cheapest per unit are mixed in.
        OrderOption filler = new OrderOption(
                "filler", new ServerShape(1, 10, 0.1), 2_000, EmpiricalDays.of(3), "by hand", "by hand");
        assertThat(CapacityPlanner.plan(cpuAndMemory(cores, gib, 0.0, List.of(memory, filler), true), 0.9)
                        .orders())
                .extracting(OrderRecommendation::sku, OrderRecommendation::quantity)
                .containsExactly(Tuple.tuple("compute-new", 1L), Tuple.tuple("memory-new", 2L));
    }

    /**
     * Ten servers of {@link #SHAPE} against P50 (= P90 = P99) demand of {@code cores} and {@code gib}, with {@code
     * headroom} of cpu, none of memory, ordering compute-new (a server of {@link #SHAPE}, 15,000 USD, a day's lead).
     */
    private static ClusterInputs cpuAndMemory(
            double[] cores, double[] gib, double headroom, List<OrderOption> otherLines, boolean mixLines) {
        Map<Resource, SupplyPath> supply = supply(cores.length);
        return new ClusterInputs(
                "c1",
                "site-1",
                "region-1",
                false,
                Map.of(
                        Resource.CPU,
                        new DemandForecast("c1", Resource.CPU, START, cores, cores, cores, "by hand", List.of()),
                        Resource.MEMORY,
                        new DemandForecast("c1", Resource.MEMORY, START, gib, gib, gib, "by hand", List.of())),
                Map.of(
                        Resource.CPU,
                        requireNonNull(supply.get(Resource.CPU)),
                        Resource.MEMORY,
                        requireNonNull(supply.get(Resource.MEMORY))),
                Map.of(Resource.CPU, headroom, Resource.MEMORY, 0.0),
                Optional.of(new OrderOption("compute-new", SHAPE, 15_000, EmpiricalDays.of(1), "by hand", "by hand")),
                Map.of(),
                Optional.empty(),
                otherLines,
                mixLines);
    }

    /** {@code base} with other supply, headroom and order option. */
    private static ClusterInputs changed(
            ClusterInputs base,
            Map<Resource, SupplyPath> supply,
            Map<Resource, Double> headroom,
            Optional<OrderOption> option) {
        return new ClusterInputs(
                base.cluster(),
                base.site(),
                base.region(),
                false,
                base.demand(),
                supply,
                headroom,
                option,
                Map.of(),
                Optional.empty());
    }

    /** Ten servers of {@link #SHAPE} that neither fail nor retire: 100 cores, 400 GiB and 10 TB. */
    private static Map<Resource, SupplyPath> supply(int days) {
        return requireNonNull(SupplyForecast.forecast(
                        AS_OF,
                        days,
                        List.of(new ServerCohort("c1", "compute-old", 10, LocalDate.of(2024, 1, 1), LocalDate.MAX)),
                        List.of(),
                        Map.of("compute-old", SHAPE),
                        Map.of(),
                        LeadTimes.learn(List.of()))
                .get("c1"));
    }

    private static ClusterInputs inputs(EmpiricalDays leadTime) {
        return inputs(leadTime, 10, 2);
    }

    private static ClusterInputs inputs(EmpiricalDays leadTime, int days, double slope) {
        double[] p50 = new double[days];
        double[] p90 = new double[days];
        double[] p99 = new double[days];
        for (int day = 0; day < days; day++) {
            p50[day] = 90 + slope * day;
            p90[day] = p50[day] + 5;
            p99[day] = p50[day] + 10;
        }
        DemandForecast demand = new DemandForecast("c1", Resource.CPU, START, p50, p90, p99, "by hand", List.of());
        Map<Resource, SupplyPath> supply = supply(days);
        return new ClusterInputs(
                "c1",
                "site-1",
                "region-1",
                false,
                Map.of(Resource.CPU, demand),
                Map.of(Resource.CPU, requireNonNull(supply.get(Resource.CPU))),
                Map.of(Resource.CPU, 4.0),
                Optional.of(new OrderOption("compute-new", SHAPE, 15_000, leadTime, "by hand", "by hand")),
                Map.of(),
                Optional.empty());
    }
}
