package io.fleetcast.app.capacity;

import io.fleetcast.app.DemoFleet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exhaustion check (every cluster built to run out flagged within 14 days, at most one other) on fleets the demo's
 * size whose designed clusters each were once missed, so that the change that brought each within 14 days stays:
 *
 * <ul>
 *   <li>17: eu-west-dc1-c01 was 18 days late until a young placement's resources pooled together (photos-cache);
 *   <li>23: eu-west-dc1-c02 was 35 days late for the same reason (payments-cache);
 *   <li>71: eu-west-dc1-c02 was 81 days late until open orders counted from their median arrival day;
 *   <li>96: us-east-dc1-c01 was 42 days early until steady placements joined the service-and-cluster growth fit;
 *   <li>139: eu-west-dc1-c02 was 15 days early until a batch was tested by its share of its SKU's failures (its bad
 *       batch, 5 failures among 20 servers, was left in compute-2024).
 * </ul>
 *
 * Seeds 42 and 63 are in {@link CapacityPlanServiceTest} and {@link NewServiceFleetTest}; the sweep over 150 seeds is
 * {@code scripts/capacity-seeds.sh} (docs/capacity.md).
 */
class SimulatedFleetsTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {17, 23, 71, 96, 139})
    void flagsTheClustersBuiltToRunOutOnTime(long seed) {
        try (DemoFleet fleet = DemoFleet.load(seed, CapacityPlanService.INPUTS)) {
            CapacityPlanDocument plan = fleet.app()
                    .capacity()
                    .run(
                            new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false),
                            CapacityPlanService.Progress.NONE);
            CapacityPlanServiceTest.assertFlagsTheClustersBuiltToRunOutOnTime(fleet.truth(), plan);
        }
    }
}
