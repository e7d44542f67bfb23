package io.fleetcast.app.capacity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity plan on the cluster worked by hand ({@link HandWorkedCluster}: two {@code big} servers of 64 cores and 4
 * TB in ash-c1, usage to 2025-03-31, nothing using storage), with three more servers and a cloud cluster:
 *
 * <ul>
 *   <li>a3, a third {@code big}, is planned to retire on 2025-09-30, after the data's last day;
 *   <li>a4, installed 2018-01-01, is past its 72-month life (2024-01-01) with no retire_date;
 *   <li>a5 failed on 2024-12-01, so {@code big} has a life and servers are expected to fail;
 *   <li>aws-k01 holds two cloud instances (16 vCPUs each), which no usage names;
 *   <li>requests: 5 TB of ash-c1 storage (P1), and 40 cores of aws-k01 (P2);
 *   <li>PO-1, an order delivered in 2023.
 * </ul>
 */
class HandWorkedPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static FleetcastApp app;
    private static CapacityPlanDocument plan;
    private static JsonNode json;

    @BeforeAll
    static void planTheCluster() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        HandWorkedCluster.append(files.resolve("skus.csv"), HandWorkedCluster.CLOUD_SKU);
        HandWorkedCluster.append(
                files.resolve("assets.csv"),
                "a3,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,,2025-09-30",
                "a4,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2018-01-01,,",
                "a5,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-01-01,2024-12-01,",
                "i-1,m6id.4xlarge,us-east,aws-us-east-1,cloud,aws-k01,us-east-1a,,on_demand,2024-06-01,,",
                "i-2,m6id.4xlarge,us-east,aws-us-east-1,cloud,aws-k01,us-east-1a,,reserved,2024-06-01,,");
        Files.write(
                files.resolve("requests.csv"),
                List.of(
                        "request_id,team,service,cluster,resource,quantity,unit,needed_date,priority,weight,"
                                + "justification",
                        "R1,discovery,search,ash-c1,storage,5,TB,2025-06-01,P1,,search index",
                        "R2,payments,checkout,aws-k01,cpu,40,cores,2025-06-01,P2,,burst"),
                UTF_8);
        HandWorkedCluster.writeDeliveredOrder(files);
        app = HandWorkedCluster.open(folder, files);
        plan = app.capacity()
                .run(new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false), CapacityPlanService.Progress.NONE);
        json = JSON.readTree(plan.toJson());
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static CapacityPlanDocument.Entry entry(String cluster, String resource) {
        return plan.clusters().stream()
                .filter(entry ->
                        entry.cluster().equals(cluster) && entry.resource().equals(resource))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode find(String field, String key, String value) {
        for (JsonNode node : json.get(field)) {
            if (node.path(key).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " with " + key + " " + value);
    }

    @Test
    void aRetirementAfterTheLastDayOfUsageIsPlannedAndDoesNotMoveTheDataEnd() {
        assertThat(plan.asOf()).isEqualTo(HandWorkedCluster.LAST_DAY.toString());
        // a1, a2 and a3 are in service on the first day (a4 retires on it); a3 retires on 2025-09-30, within the year,
        // so a year out only a1 and a2 are left, less what they may lose to failures.
        CapacityPlanDocument.Entry cpu = entry("ash-c1", "cpu");
        assertThat(cpu.supply()).isCloseTo(192, within(1.0));
        assertThat(cpu.supplyAtEnd()).isLessThan(128).isGreaterThan(100);
        assertThat(app.sql()
                        .query("SELECT state, end_date::VARCHAR FROM life_records WHERE asset_id = 'a3'", 10)
                        .rows())
                .containsExactly(List.of("S", "2025-03-31"));
    }

    @Test
    void aServerPastItsLifeRetiresOnTheFirstDayWithANote() {
        CapacityPlanDocument.Entry cpu = entry("ash-c1", "cpu");
        // Four servers of 64 cores are in the inventory: what is not left a year out failed or retired.
        assertThat(cpu.supplyAtEnd() + cpu.failuresExpected() + cpu.retiring()).isCloseTo(256, within(0.01));
        // a3 and a4 retire, less what fails before: at most 128 cores. a4's retirement day, before the plan's start,
        // once counted it as surviving more than whole, with negative failures and more retired than it has.
        assertThat(cpu.failuresExpected()).isPositive();
        assertThat(cpu.retiring()).isLessThanOrEqualTo(128).isGreaterThan(100);
        assertThat(plan.notes())
                .contains("1 owned server is past its SKU's lifetime_months with no retire_date (1 in ash-c1); the plan"
                        + " retires it on its first day, 2025-04-01");
    }

    @Test
    void theSupplyByMonthShowsEachRetirementInItsMonth() {
        CapacityPlanDocument.Entry cpu = entry("ash-c1", "cpu");
        List<CapacityPlanDocument.SupplyMonthRow> months = requireNonNull(cpu.supplyByMonth());
        // 365 days from 2025-04-01: April 2025 to March 2026.
        assertThat(months)
                .extracting(CapacityPlanDocument.SupplyMonthRow::month)
                .containsExactly(
                        "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11",
                        "2025-12", "2026-01", "2026-02", "2026-03");
        // The four servers in service on the last day; a4 retires on the first day, a3 on 2025-09-30, each less what
        // may fail before.
        assertThat(months.get(0).opening()).isEqualTo(256);
        assertThat(months.get(0).retiring()).isCloseTo(64, within(0.5));
        assertThat(months.get(5).retiring()).isLessThan(64).isGreaterThan(60);
        assertThat(months)
                .filteredOn(month ->
                        !month.month().equals("2025-04") && !month.month().equals("2025-09"))
                .allSatisfy(month -> assertThat(month.retiring()).isZero());
        for (int i = 0; i < months.size(); i++) {
            CapacityPlanDocument.SupplyMonthRow month = months.get(i);
            assertThat(month.closing())
                    .isCloseTo(month.opening() - month.failing() - month.retiring() + month.arriving(), within(0.005));
            if (i > 0) {
                assertThat(month.opening()).isEqualTo(months.get(i - 1).closing());
            }
        }
        assertThat(months.get(11).closing()).isCloseTo(cpu.supplyAtEnd(), within(0.001));
        assertThat(months.stream()
                        .mapToDouble(CapacityPlanDocument.SupplyMonthRow::failing)
                        .sum())
                .isCloseTo(cpu.failuresExpected(), within(0.01));
    }

    @Test
    void aPlanStoredBeforeTheSupplyByMonthReadsWithoutIt() throws IOException {
        ObjectNode stored = (ObjectNode) JSON.readTree(plan.toJson());
        stored.get("clusters").forEach(entry -> ((ObjectNode) entry).remove("supply_by_month"));

        CapacityPlanDocument older = CapacityPlanDocument.parse(JSON.writeValueAsString(stored));

        assertThat(older.clusters())
                .allSatisfy(entry -> assertThat(entry.supplyByMonth()).isNull());
        assertThat(older.clusters()).hasSameSizeAs(plan.clusters());
    }

    @Test
    void aPlanStoredBeforeTheUtilizationBySkuReadsWithoutIt() throws IOException {
        ObjectNode stored = (ObjectNode) JSON.readTree(plan.toJson());
        assertThat(stored.has("utilization_by_sku")).isTrue();
        stored.remove("utilization_by_sku");

        CapacityPlanDocument older = CapacityPlanDocument.parse(JSON.writeValueAsString(stored));

        assertThat(older.utilizationBySku()).isNull();
        assertThat(older.utilization()).hasSameSizeAs(plan.utilization());
    }

    @Test
    void aResourceNoServiceUsesOffersItsSupplyToRequests() {
        JsonNode storage = find("allocations", "request_id", "R1");
        assertThat(storage.get("granted").asDouble()).isEqualTo(5.0);
        assertThat(storage.get("outcome").asText()).isEqualTo("full");
        // No demand and no headroom: the least of ash-c1's storage over the year, which is its last day's (8 TB after
        // a3 retires, less what may fail by then).
        JsonNode pool = json.get("allocation_pools").get(0);
        assertThat(pool.get("cluster").asText()).isEqualTo("ash-c1");
        assertThat(pool.get("supply").asDouble())
                .isCloseTo(entry("ash-c1", "storage").supplyAtEnd(), within(0.001))
                .isLessThan(8.0);
        assertThat(pool.get("note").isNull()).isTrue();
    }

    @Test
    void aCloudClusterGrantsEveryRequestInFull() {
        JsonNode cloud = find("allocations", "request_id", "R2");
        assertThat(cloud.get("granted").asDouble()).isEqualTo(40.0);
        assertThat(cloud.get("outcome").asText()).isEqualTo("full");
        JsonNode pool = find("allocation_pools", "cluster", "aws-k01");
        assertThat(pool.get("note").asText())
                .isEqualTo("aws-k01 cpu scales on demand (cloud): every request is granted in full");
    }

    @Test
    void aHorizonShorterThanTheLeadTimeSaysItsHeadroomIsSizedOverTheHorizon() {
        // PO-1 took 75 days from order to delivery: ash-c1's lead time.
        CapacityPlanDocument shorter = app.capacity()
                .run(new CapacityPlanService.Request(30, 0.99, WhatIf.NONE, false), CapacityPlanService.Progress.NONE);

        assertThat(entry("ash-c1", "cpu").headroom().leadTimeDays()).isEqualTo(75);
        assertThat(shorter.clusters().get(0).headroom().leadTimeDays()).isEqualTo(30);
        assertThat(shorter.notes())
                .contains("the headroom of 1 cluster is sized over the 30-day horizon, shorter than the lead time it"
                        + " should cover (ash-c1 75 days); plan with --horizon 75 or more to size it over the lead"
                        + " time");
        assertThat(plan.notes()).noneMatch(note -> note.startsWith("the headroom of"));
    }

    @Test
    void onlyAnOpenOrderCanBeDelayed() {
        assertThatThrownBy(() -> app.capacity()
                        .run(
                                new CapacityPlanService.Request(
                                        30,
                                        0.99,
                                        WhatIf.parse(List.of(), List.of(), List.of("PO-1:30"), List.of()),
                                        false),
                                CapacityPlanService.Progress.NONE))
                .isInstanceOf(FleetcastException.class)
                .hasMessage("--delay-order names order PO-1, which is delivered, not open: only an open order can be"
                        + " delayed");
    }
}
