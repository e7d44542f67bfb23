package io.fleetcast.simulator.internal.supply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.internal.World;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.EnumMap;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A designed exhaustion day is one a planner can be judged on: 1% more or less expected demand moves it by at most 14
 * days. Seeds 23, 30 and 58 of the default fleet once designed days on one-day event peaks that barely touched
 * capacity, where 1% moved the day by 69 to 126 days; seed 42 is the demo.
 */
class DesignedExhaustionTest {
    @ParameterizedTest
    @ValueSource(longs = {23, 30, 42, 58})
    void designedDaysMoveAtMostTwoWeeksForOnePercentOfDemand(long seed) {
        SimulationConfig config = SimulationConfig.defaults();
        World world = World.build(config.servers(), config.days(), config.end(), seed);
        Timeline timeline = world.timeline();
        DemandModel demand = world.demand();
        Supply supply = world.supply();
        ExhaustionAnalysis analysis = new ExhaustionAnalysis(timeline, demand);

        int designed = 0;
        for (ClusterSupply cluster : supply.clusters()) {
            boolean isDesigned = supply.exhaustion().stream()
                    .anyMatch(found -> found.designed() && found.cluster().equals(cluster.cluster()));
            if (!isDesigned) {
                continue;
            }
            designed++;
            EnumMap<Resource, double[]> usable = analysis.usable(cluster);
            int day = firstDay(timeline, demand, cluster.cluster(), usable, 1);
            int earliestInTruth = supply.exhaustion().stream()
                    .filter(found -> found.cluster().equals(cluster.cluster()))
                    .mapToInt(Exhaustion::day)
                    .min()
                    .orElseThrow();
            assertThat(day).isEqualTo(earliestInTruth);
            for (double scale : new double[] {0.99, 1.01}) {
                // A day past the planning horizon counts as the day after it.
                int moved = Math.min(
                        firstDay(timeline, demand, cluster.cluster(), usable, scale), timeline.horizonEndDay() + 1);
                assertThat(Math.abs(moved - day))
                        .as(
                                "seed %d %s at %.2f × demand",
                                seed, cluster.cluster().name(), scale)
                        .isLessThanOrEqualTo(14);
            }
        }
        assertThat(designed).isPositive();
    }

    /** The first day after the history when {@code scale} × expected demand exceeds usable capacity, for any resource. */
    private static int firstDay(
            Timeline timeline, DemandModel demand, Cluster cluster, EnumMap<Resource, double[]> usable, double scale) {
        int first = Integer.MAX_VALUE;
        for (Resource resource : Resource.values()) {
            double[] capacity = Objects.requireNonNull(usable.get(resource));
            for (int i = 0; i < capacity.length; i++) {
                int day = timeline.lastDay() + 1 + i;
                if (scale * demand.clusterExpected(cluster.index(), resource, day) > capacity[i]) {
                    first = Math.min(first, day);
                    break;
                }
            }
        }
        return first;
    }
}
