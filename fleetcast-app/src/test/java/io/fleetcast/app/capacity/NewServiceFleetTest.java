package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.DemoFleet;
import org.junit.jupiter.api.Test;

/**
 * The capacity plan on seed 63's fleet (the demo's size and days), where a cluster built to run out gets a batch service
 * new to the fleet in June 2026: too new to fit, it must grow as its cluster's batch services do (40% a year; the
 * simulator's 54%), not at the mean of all its established services (23%), which left the cluster unflagged.
 */
class NewServiceFleetTest {
    @Test
    void aClusterWhoseNewBatchServiceGrowsAsItsKindIsFlaggedOnTime() {
        try (DemoFleet fleet = DemoFleet.load(63, CapacityPlanService.INPUTS)) {
            CapacityPlanDocument plan = fleet.app()
                    .capacity()
                    .run(
                            new CapacityPlanService.Request(365, 0.99, WhatIf.NONE, false),
                            CapacityPlanService.Progress.NONE);

            assertThat(plan.clusters())
                    .filteredOn(entry -> entry.cluster().equals("us-east-dc1-c01"))
                    .anyMatch(entry -> entry.exhaustionP50() != null);
            CapacityPlanServiceTest.assertFlagsTheClustersBuiltToRunOutOnTime(fleet.truth(), plan);
        }
    }
}
