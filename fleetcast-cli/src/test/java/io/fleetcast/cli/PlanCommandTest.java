package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    /** The plan table's column for demand at the horizon's end names the horizon it was run with. */
    @Test
    void theEndOfHorizonColumnNamesTheHorizon() {
        assertThat(PlanCommand.horizon(365)).isEqualTo("1 year");
        assertThat(PlanCommand.horizon(1095)).isEqualTo("3 years");
        assertThat(PlanCommand.horizon(180)).isEqualTo("180 days");
        assertThat(PlanCommand.horizon(400)).isEqualTo("400 days");
    }

    /** A cluster's row says what its cloud instances are, and for owned servers beside them which the supply counts. */
    @Test
    void aRowSaysWhichCloudInstancesTheSupplyCounts() {
        assertThat(PlanCommand.cloudNote(entry(false, null, null))).isEmpty();
        assertThat(PlanCommand.cloudNote(entry(true, 1536.0, 2048.0)))
                .isEqualTo("  (cloud: 1,536 cores reserved, 2,048 cores on demand)");
        assertThat(PlanCommand.cloudNote(entry(false, 16.0, 32.0)))
                .isEqualTo("  (owned + cloud: supply counts 16 cores reserved, not 32 cores on demand)");
    }

    /**
     * A cluster's orders hang off the resource that sized each; they are listed by the day they are needed, as in
     * seed 10's eu-west-dc1-c02, whose first order was sized by memory and its later two by cpu.
     */
    @Test
    void ordersAreListedClusterByClusterInTheOrderTheyAreNeeded() {
        CapacityPlanDocument.Entry cpu =
                entry("c02", "cpu", order("c02", "2027-06-22", 69), order("c02", "2027-09-21", 22));
        CapacityPlanDocument.Entry memory = entry("c02", "memory", order("c02", "2027-03-17", 19));
        CapacityPlanDocument.Entry other = entry("c01", "cpu", order("c01", "2027-01-05", 5));
        CapacityPlanDocument plan = planOf(other, cpu, memory);

        assertThat(PlanCommand.ordersByCluster(plan))
                .extracting(order -> order.cluster() + " " + order.quantity())
                .containsExactly("c01 5", "c02 19", "c02 69", "c02 22");
    }

    /** The notes of clusters with orders are printed once per cluster, without those that say which orders cover. */
    @Test
    void theNotesOfClustersWithOrdersFollowTheOrders() {
        String mix = "mixing in memory-2026, the newest SKU of another product line, would hold the same shortfalls for"
                + " 867,000 USD, not 1,281,000 USD (32% less; what-if: fleetcast plan --mix-lines)";
        CapacityPlanDocument.Entry cpu =
                entry("c02", "cpu", false, null, null, List.of(), List.of(mix, "covered by the orders for memory"));
        CapacityPlanDocument.Entry memory =
                entry("c02", "memory", false, null, null, List.of(order("c02", "2027-03-17", 61)), List.of(mix));
        CapacityPlanDocument.Entry quiet = entry("c01", "cpu", false, null, null, List.of(), List.of("not short"));
        CapacityPlanDocument plan = planOf(quiet, cpu, memory);

        assertThat(PlanCommand.orderNotes(plan)).containsExactly("note on c02: " + mix);
    }

    @Test
    void theAllocationAndUtilizationSectionsAreSummedUpInALineEach() {
        List<Object> requests = List.of(
                Map.of("request_id", "R1", "outcome", "full"),
                Map.of("request_id", "R2", "outcome", "partial"),
                Map.of("request_id", "R3", "outcome", "none"),
                Map.of("request_id", "R4", "outcome", "full"));
        List<Object> pools = List.of(Map.of("cluster", "c01", "unmet", 12.5), Map.of("cluster", "c02", "unmet", 0.0));
        List<Object> utilization = List.of(
                Map.of("service", "a", "cluster", "c01", "status", "idle"),
                Map.of("service", "b", "cluster", "c01", "status", "under_used"),
                Map.of("service", "b", "cluster", "c02", "status", "well_used"),
                Map.of("service", "c", "cluster", "c02", "status", "above_allocation"));
        Map<String, Object> unpriced = new HashMap<>();
        unpriced.put("cluster", "c02");
        unpriced.put("usd_per_month", null);
        List<Object> stranded = List.of(Map.of("cluster", "c01", "usd_per_month", 1234.4), unpriced);
        List<Object> rightsizing = List.of(Map.of("service", "a", "usd_per_month", 99.6));
        CapacityPlanDocument plan = new CapacityPlanDocument(
                "2026-10-31",
                365,
                0.99,
                null,
                null,
                List.of(),
                requests,
                pools,
                null,
                utilization,
                stranded,
                rightsizing,
                List.of(),
                Map.of(),
                List.of(),
                List.of());

        assertThat(PlanCommand.summary(plan))
                .containsExactly(
                        "requests: 4, 2 granted in full, 1 in part, 1 not at all; 1 of 2 pools short",
                        "utilization: 4 service allocations in 2 clusters: 1 idle, 1 under-used, 1 above their"
                                + " allocation, 0 without one",
                        "stranded: 1,234 USD/month in 2 resources idle beside an exhausted one",
                        "rightsizing: 1 allocation to shrink, saving 100 USD/month");
        assertThat(PlanCommand.summary(planOf())).isEmpty();
    }

    private static CapacityPlanDocument.Order order(String cluster, String needBy, long quantity) {
        return new CapacityPlanDocument.Order(
                "compute-2024",
                quantity,
                "site",
                cluster,
                LocalDate.parse(needBy).minusDays(125).toString(),
                needBy,
                125,
                false,
                quantity * 19_550.0,
                "USD",
                "cpu",
                List.of());
    }

    /** A plan of {@code entries} alone. */
    private static CapacityPlanDocument planOf(CapacityPlanDocument.Entry... entries) {
        return new CapacityPlanDocument(
                "2026-10-31",
                365,
                0.99,
                null,
                null,
                List.of(entries),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                List.of());
    }

    private static CapacityPlanDocument.Entry entry(
            boolean elastic, @Nullable Double reserved, @Nullable Double onDemand) {
        return entry("ash-c1", "cpu", elastic, reserved, onDemand, List.of());
    }

    private static CapacityPlanDocument.Entry entry(
            String cluster, String resource, CapacityPlanDocument.Order... orders) {
        return entry(cluster, resource, false, null, null, List.of(orders));
    }

    private static CapacityPlanDocument.Entry entry(
            String cluster,
            String resource,
            boolean elastic,
            @Nullable Double reserved,
            @Nullable Double onDemand,
            List<CapacityPlanDocument.Order> orders) {
        return entry(cluster, resource, elastic, reserved, onDemand, orders, List.of());
    }

    private static CapacityPlanDocument.Entry entry(
            String cluster,
            String resource,
            boolean elastic,
            @Nullable Double reserved,
            @Nullable Double onDemand,
            List<CapacityPlanDocument.Order> orders,
            List<String> notes) {
        return new CapacityPlanDocument.Entry(
                cluster,
                "dc-ash",
                "us-east",
                resource,
                "cores",
                elastic,
                144,
                reserved,
                onDemand,
                144,
                150,
                150,
                160,
                170,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                List.of(),
                "Regression[log]",
                List.of(),
                new CapacityPlanDocument.Headroom(0, "cores", 0, 150, List.of(), null, List.of(), null),
                orders,
                notes);
    }
}
