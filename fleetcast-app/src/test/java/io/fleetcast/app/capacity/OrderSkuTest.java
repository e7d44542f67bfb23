package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.FleetcastApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which SKU a short cluster is expanded with. {@link HandWorkedCluster}'s ash-c1 (two {@code big} servers, 64 cores
 * each, in the fleet since PO-1 was ordered on 2023-10-01) also runs a {@code new} server (128 cores, USD 21,000),
 * installed 2024-06-01. Its newest order is PO-2, two more {@code big} servers ordered 2024-09-01: the SKU it was last
 * ordered in is not its newest. PO-3, for ash-c2, is the third delivered order of {@code big}.
 */
class OrderSkuTest {
    @TempDir
    Path folder;

    @Test
    void aShortClusterIsExpandedWithTheNewestSkuItRunsNotTheOneLastOrdered() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        HandWorkedCluster.append(files.resolve("skus.csv"), "new,owned,2U compute,128,512,4.0,21000.00,,,500,60,72");
        HandWorkedCluster.append(
                files.resolve("assets.csv"),
                "a3,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-11-15,,",
                "a4,big,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-11-15,,",
                "n1,new,us-east,dc-ash,datacenter,ash-c1,,,owned,2024-06-01,,");
        HandWorkedCluster.writeDeliveredOrder(files);
        HandWorkedCluster.append(
                files.resolve("orders.csv"),
                "PO-2,big,dc-ash,ash-c1,2,2024-09-01,2024-11-01,2024-11-15,delivered",
                "PO-3,big,dc-ash,ash-c2,2,2024-02-01,2024-04-01,2024-04-11,delivered");
        // search takes 300 more cores: 400 in all against 4 × 64 + 128 = 384 cores.
        for (LocalDate day = HandWorkedCluster.LAST_DAY.minusDays(9);
                !day.isAfter(HandWorkedCluster.LAST_DAY);
                day = day.plusDays(1)) {
            HandWorkedCluster.append(files.resolve("usage.csv"), day + ",day,search,ash-c1,cpu,cores,300,300");
        }
        try (FleetcastApp app = HandWorkedCluster.open(folder, files)) {
            CapacityPlanDocument plan = app.capacity()
                    .run(
                            new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false),
                            CapacityPlanService.Progress.NONE);

            CapacityPlanDocument.Entry cpu = plan.clusters().stream()
                    .filter(entry ->
                            entry.cluster().equals("ash-c1") && entry.resource().equals("cpu"))
                    .findFirst()
                    .orElseThrow();
            assertThat(cpu.orders()).isNotEmpty().allSatisfy(order -> {
                assertThat(order.sku()).isEqualTo("new");
                assertThat(order.why().get(0))
                        .isEqualTo("SKU: new, the newest SKU in ash-c1 or on order for it (in the fleet since "
                                + "2024-06-01)");
                assertThat(order.cost()).isEqualTo(order.quantity() * 21_000.0);
                // new has no delivered order: it takes the lead times of its line, big's 3 orders (75, 75 and 70
                // days), not of every SKU.
                assertThat(order.why())
                        .contains("lead time: 75 days at P99 (too few orders of new; the 3 delivered orders of its line"
                                + " (big, new); median 75 days)");
            });
        }
    }
}
