package io.fleetcast.planning.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.unit.Resource;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Idle, under-used and stranded capacity on cases worked by hand, with the default policy. */
class UtilizationAnalysisTest {
    /** The rates of a cluster of two big servers and one small one (see {@link UnitPricingTest}). */
    private static final UnitRates C1_RATES = new UnitRates(4.468296, 0.411039, 5.8825);

    private final UtilizationAnalysis analysis = new UtilizationAnalysis(UtilizationPolicy.defaults());

    private static ServiceLoad load(String service, Resource resource, double usedP95, @Nullable Double allocatedNow) {
        Percentiles used = new Percentiles(usedP95 / 2, usedP95, usedP95 * 1.1);
        Percentiles allocated = allocatedNow == null ? null : new Percentiles(allocatedNow, allocatedNow, allocatedNow);
        return new ServiceLoad(service, "c1", resource, used, allocated, allocatedNow);
    }

    @Test
    void p95UseAgainstTheCurrentAllocationDecidesTheStatus() {
        assertThat(analysis.assess(load("s", Resource.CPU, 4, 100.0)).status()).isEqualTo(ServiceStatus.IDLE);
        assertThat(analysis.assess(load("s", Resource.CPU, 5, 100.0)).status()).isEqualTo(ServiceStatus.UNDER_USED);
        assertThat(analysis.assess(load("s", Resource.CPU, 49.9, 100.0)).status())
                .isEqualTo(ServiceStatus.UNDER_USED);
        assertThat(analysis.assess(load("s", Resource.CPU, 50, 100.0)).status()).isEqualTo(ServiceStatus.WELL_USED);
        assertThat(analysis.assess(load("s", Resource.CPU, 100, 100.0)).status())
                .isEqualTo(ServiceStatus.WELL_USED);
        assertThat(analysis.assess(load("s", Resource.CPU, 120, 100.0)).status())
                .isEqualTo(ServiceStatus.ABOVE_ALLOCATION);
        assertThat(analysis.assess(load("s", Resource.CPU, 120, null)).status()).isEqualTo(ServiceStatus.UNALLOCATED);
        assertThat(analysis.assess(load("s", Resource.CPU, 0, 0.0)).status()).isEqualTo(ServiceStatus.UNALLOCATED);
        assertThat(analysis.assess(load("s", Resource.CPU, 30, 100.0)).usedToAllocated())
                .isCloseTo(0.3, within(1e-12));
    }

    /**
     * cpu: P95 30 of 100 cores, under-used: new allocation 30 × 1.2 = 36, 64 cores freed, 64 × 4.468296 = 285.970944
     * USD a month. memory: P95 2 of 400 GiB, idle: 2.4 GiB, 397.6 freed, 397.6 × 0.411039 = 163.43 USD. A well-used
     * load gets nothing; a load in a cluster without rates gets no price and comes last.
     */
    @Test
    void rightsizingKeepsP95PlusTheMarginAndPricesWhatItFrees() {
        ServiceLoad elsewhere =
                new ServiceLoad("t", "c9", Resource.CPU, new Percentiles(1, 10, 11), new Percentiles(90, 90, 90), 90.0);
        ImmutableList<Rightsizing> recommendations = analysis.rightsize(
                List.of(
                        load("a", Resource.MEMORY, 2, 400.0),
                        load("b", Resource.CPU, 80, 100.0),
                        elsewhere,
                        load("b", Resource.CPU, 30, 100.0)),
                ImmutableMap.of("c1", C1_RATES));

        assertThat(recommendations).hasSize(3);
        Rightsizing cpu = recommendations.get(0);
        assertThat(cpu.service()).isEqualTo("b");
        assertThat(cpu.status()).isEqualTo(ServiceStatus.UNDER_USED);
        assertThat(cpu.recommended()).isCloseTo(36, within(1e-9));
        assertThat(cpu.reclaimable()).isCloseTo(64, within(1e-9));
        assertThat(cpu.unit()).isEqualTo("cores");
        assertThat(cpu.usdPerMonth()).isCloseTo(285.970944, within(1e-6));
        Rightsizing memory = recommendations.get(1);
        assertThat(memory.status()).isEqualTo(ServiceStatus.IDLE);
        assertThat(memory.reclaimable()).isCloseTo(397.6, within(1e-9));
        assertThat(memory.unit()).isEqualTo("GiB");
        assertThat(memory.usdPerMonth()).isCloseTo(397.6 * 0.411039, within(1e-9));
        Rightsizing unpriced = recommendations.get(2);
        assertThat(unpriced.cluster()).isEqualTo("c9");
        assertThat(unpriced.reclaimable()).isCloseTo(78, within(1e-9));
        assertThat(unpriced.usdPerMonth()).isNull();
    }

    @Test
    void aMarginThatWouldNotShrinkTheAllocationRecommendsNothing() {
        UtilizationAnalysis generous = new UtilizationAnalysis(new UtilizationPolicy(0.85, 0.2, 0.05, 0.5, 1.5));

        // P95 45 of 100: under-used, but 45 × 2.5 = 112.5 > 100.
        assertThat(generous.rightsize(List.of(load("b", Resource.CPU, 45, 100.0)), ImmutableMap.of()))
                .isEmpty();
    }

    /**
     * c1: cpu 900 of 1000 allocated (0.90, binding); memory 1600 of 4000 (0.40): gap 0.50, 2000 GiB stranded, 822.078
     * USD a month; storage 80 of 100 (0.80): gap 0.10 under the 0.20 gap, not stranded. c2: its most held resource is
     * at 0.84, under the 0.85 threshold. c3: storage has only use, 95 of 100 (0.95); cpu has 50 cores and no use at
     * all (0): 47.5 cores stranded; memory has no supply and is skipped.
     */
    @Test
    void capacityIsStrandedWhenAnotherResourceOfTheClusterRunsOut() {
        List<ClusterLoad> loads = List.of(
                new ClusterLoad("c1", Resource.CPU, 1000, percentiles(700), percentiles(900)),
                new ClusterLoad("c1", Resource.MEMORY, 4000, percentiles(1500), percentiles(1600)),
                new ClusterLoad("c1", Resource.STORAGE, 100, percentiles(60), percentiles(80)),
                new ClusterLoad("c2", Resource.CPU, 100, percentiles(80), percentiles(84)),
                new ClusterLoad("c2", Resource.MEMORY, 100, percentiles(1), percentiles(2)),
                new ClusterLoad("c3", Resource.STORAGE, 100, percentiles(95), null),
                new ClusterLoad("c3", Resource.CPU, 50, null, null),
                new ClusterLoad("c3", Resource.MEMORY, 0, null, null));

        ImmutableList<StrandedCapacity> stranded =
                analysis.stranded(loads, ImmutableMap.of("c1", C1_RATES), ImmutableMap.of("c3", List.of("storage-x")));

        assertThat(stranded).hasSize(2);
        StrandedCapacity memory = stranded.get(0);
        assertThat(memory.cluster()).isEqualTo("c1");
        assertThat(memory.binding()).isEqualTo(Resource.CPU);
        assertThat(memory.bindingFraction()).isCloseTo(0.9, within(1e-12));
        assertThat(memory.resource()).isEqualTo(Resource.MEMORY);
        assertThat(memory.fraction()).isCloseTo(0.4, within(1e-12));
        assertThat(memory.stranded()).isCloseTo(2000, within(1e-9));
        assertThat(memory.unit()).isEqualTo("GiB");
        assertThat(memory.usdPerMonth()).isCloseTo(822.078, within(1e-9));
        assertThat(memory.hostShapes()).isEmpty();
        StrandedCapacity cpu = stranded.get(1);
        assertThat(cpu.cluster()).isEqualTo("c3");
        assertThat(cpu.binding()).isEqualTo(Resource.STORAGE);
        assertThat(cpu.resource()).isEqualTo(Resource.CPU);
        assertThat(cpu.fraction()).isZero();
        assertThat(cpu.stranded()).isCloseTo(47.5, within(1e-9));
        assertThat(cpu.unit()).isEqualTo("cores");
        assertThat(cpu.usdPerMonth()).isNull();
        assertThat(cpu.hostShapes()).containsExactly("storage-x");
    }

    @Test
    void aClusterWithTheSameResourceTwiceIsRejected() {
        List<ClusterLoad> loads = List.of(
                new ClusterLoad("c1", Resource.CPU, 10, null, null),
                new ClusterLoad("c1", Resource.CPU, 20, null, null));

        assertThatThrownBy(() -> analysis.stranded(loads, ImmutableMap.of(), ImmutableMap.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two loads of cpu for cluster c1");
    }

    @Test
    void policiesWithThresholdsOutOfOrderAreRejected() {
        assertThatThrownBy(() -> new UtilizationPolicy(0.85, 0.2, 0.5, 0.4, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 0 <= idleBelow < underUsedBelow <= 1, got 0.5 and 0.4");
        assertThatThrownBy(() -> new UtilizationPolicy(1.2, 0.2, 0.05, 0.5, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exhaustionThreshold must be in (0, 1], got 1.2");
    }

    @Test
    void percentilesOutOfOrderAreRejected() {
        assertThatThrownBy(() -> new Percentiles(5, 4, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentiles must be ordered 0 <= p50 <= p95 <= max, got 5.0, 4.0, 6.0");
    }

    private static Percentiles percentiles(double p95) {
        return new Percentiles(p95 * 0.9, p95, p95 * 1.05);
    }
}
