package io.fleetcast.app.capacity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.FleetcastApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of owned servers and cloud instances, worked by hand: ash-c1 of {@link HandWorkedCluster} (two {@code big}
 * servers, 128 cores, 1,024 GiB) with one reserved and two on-demand m6id.4xlarge instances (16 vCPUs, 64 GiB, 0.95 TB,
 * 0.9492 USD/h on demand), and a batch service using 50 cores beside checkout's 100: 150 cores used every day.
 */
class OwnedAndCloudClusterPlanTest {
    @TempDir
    static Path folder;

    private static FleetcastApp app;
    private static CapacityPlanDocument plan;

    @BeforeAll
    static void planTheCluster() throws IOException {
        Path files = HandWorkedCluster.write(Files.createDirectory(folder.resolve("files")));
        HandWorkedCluster.append(files.resolve("skus.csv"), HandWorkedCluster.CLOUD_SKU);
        HandWorkedCluster.append(
                files.resolve("assets.csv"),
                "i-1,m6id.4xlarge,us-east,dc-ash,datacenter,ash-c1,,,reserved,2024-06-01,,",
                "i-2,m6id.4xlarge,us-east,dc-ash,datacenter,ash-c1,,,on_demand,2025-03-01,,",
                "i-3,m6id.4xlarge,us-east,dc-ash,datacenter,ash-c1,,,on_demand,2025-03-01,,");
        HandWorkedCluster.append(files.resolve("services.csv"), "batch,discovery,commerce,");
        List<String> usage = new ArrayList<>();
        for (int back = 9; back >= 0; back--) {
            usage.add(HandWorkedCluster.LAST_DAY.minusDays(back) + ",day,batch,ash-c1,cpu,cores,50,50");
        }
        HandWorkedCluster.append(files.resolve("usage.csv"), usage.toArray(String[]::new));
        Files.write(
                files.resolve("requests.csv"),
                List.of(
                        "request_id,team,service,cluster,resource,quantity,unit,needed_date,priority,weight,"
                                + "justification",
                        "R1,discovery,batch,ash-c1,cpu,40,cores,2025-06-01,P1,,batch growth",
                        "R2,discovery,batch,ash-c1,memory,100,GiB,2025-06-01,P1,,batch growth"),
                UTF_8);
        HandWorkedCluster.writeDeliveredOrder(files);
        app = HandWorkedCluster.open(folder, files);
        plan = app.capacity()
                .run(new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false), CapacityPlanService.Progress.NONE);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static CapacityPlanDocument.Entry cpu() {
        return plan.clusters().stream()
                .filter(entry ->
                        entry.cluster().equals("ash-c1") && entry.resource().equals("cpu"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void itsUsableSupplyIsItsOwnedServersAndReservedInstancesNotThoseOnDemand() {
        CapacityPlanDocument.Entry cpu = cpu();
        // 128 owned cores and 16 reserved; the 32 on demand would have made 176, above the 150 used.
        assertThat(cpu.elastic()).isFalse();
        assertThat(cpu.supply()).isEqualTo(144);
        assertThat(cpu.reserved()).isEqualTo(16);
        assertThat(cpu.onDemand()).isEqualTo(32);
        assertThat(cpu.demandP50()).isCloseTo(150, within(0.5));
        assertThat(cpu.exhaustionP50()).isEqualTo("2025-04-01");
        // The shortfall is ordered as for any owned cluster: 6 cores and the headroom, in big servers of 64.
        assertThat(cpu.orders()).isNotEmpty();
        assertThat(cpu.orders().get(0).sku()).isEqualTo("big");
        assertThat(cpu.orders().get(0).why()).anyMatch(line -> line.endsWith("64.0 cores per server, so 1 server"));
    }

    @Test
    void itSaysWhatRunningItsShortfallOnDemandWouldCost() {
        // P50 150 cores against 144 usable: one 16-vCPU instance every day of the 365, 24 h at 0.9492 USD, 8,315 USD.
        assertThat(cpu().notes())
                .contains("owned servers and cloud instances: usable supply is the owned servers and the reserved"
                        + " instances; the instances on demand now (cpu 32.0 cores, memory 128 GiB, storage 1.9 TB) are"
                        + " left out, as they come and go with demand")
                .anyMatch(note -> note.startsWith("on demand (m6id.4xlarge at 0.9492 USD/h): P50 demand above usable"
                        + " supply takes up to 1 instance at once from 2025-04-01, 365 instance-days over the horizon,"
                        + " about 8,315 USD; P90 demand above usable supply takes up to "));
    }

    @Test
    void aRequestItsOwnedAndReservedCapacityCannotMeetIsWeighedOnDemand() {
        // The cluster is short from its first day, so no core is free: the 40 asked are unmet, and would take
        // ceil(40 / 16) = 3 instances, 3 × 24 h × 0.9492 USD = 68.3 USD a day. Memory (1,088 GiB usable, 102 used) is
        // free enough for the 100 GiB asked.
        List<AllocationService.PoolSummary> pools = plan.allocationPools().stream()
                .map(AllocationService.PoolSummary.class::cast)
                .toList();
        assertThat(pools).extracting(AllocationService.PoolSummary::resource).containsExactly("cpu", "memory");
        assertThat(pools.get(0).unmet()).isEqualTo(40);
        assertThat(pools.get(0).note())
                .isEqualTo("ash-c1 cpu has owned servers and cloud instances: its free supply counts the owned servers"
                        + " and the reserved instances, not those on demand; the 40.0 cores unmet would take 3"
                        + " m6id.4xlarge instances on demand (16.0 cores each), about 68.3 USD a day at 0.9492 USD/h");
        assertThat(pools.get(1).unmet()).isZero();
        assertThat(pools.get(1).note())
                .isEqualTo("ash-c1 memory has owned servers and cloud instances: its free supply counts the owned"
                        + " servers and the reserved instances, not those on demand");
    }
}
