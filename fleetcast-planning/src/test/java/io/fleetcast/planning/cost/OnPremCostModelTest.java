package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.planning.cost.OnPremCostModel.Component;
import io.fleetcast.planning.utilization.UnitRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The on-prem cost model on cases worked by hand. */
class OnPremCostModelTest {
    /** 128 cores, 512 GiB, 7.68 TB; 21,000 over 48 months; 700 W. */
    private static final OnPremCostModel.OwnedSku COMPUTE =
            new OnPremCostModel.OwnedSku("compute-2026", 128, 512, 7.68, 21000, 48, 700);

    private static final OnPremCostModel.SiteRates SITE =
            new OnPremCostModel.SiteRates("us-east-dc1", 0.0891, 1.45, 2.3, 0.5);

    @Test
    void aClusterDayIsSplitOverItsServicesByTheirShareOfAllocations() {
        // Two servers in service, one still depreciating. Service a holds 3 of 4 cores and all the memory; b holds
        // 1 of 4 cores: shares a = (0.75 + 1) / 2 = 0.875, b = 0.25 / 2 = 0.125 (no storage is allocated).
        Map<String, double[]> allocations = Map.of("a", new double[] {3, 100, 0}, "b", new double[] {1, 0, 0});
        List<OnPremCostModel.Line> lines =
                OnPremCostModel.clusterDay(SITE, List.of(new OnPremCostModel.Servers(COMPUTE, 2, 1)), allocations);

        // Depreciation a day: 21,000 / (48 × 30.436875) = 14.374...; power: 2 × 700 W × 24 h = 33.6 kWh × 1.45 =
        // 48.72 kWh at 0.0891 = 4.340952; space 2 × 2.3 = 4.6; network 2 × 0.5 = 1.
        double depreciation = 21000 / (48 * OnPremCostModel.DAYS_PER_MONTH);
        assertThat(lines)
                .extracting(OnPremCostModel.Line::service, OnPremCostModel.Line::component)
                .containsExactly(
                        tuple("a", Component.DEPRECIATION),
                        tuple("a", Component.POWER),
                        tuple("a", Component.SPACE),
                        tuple("a", Component.NETWORK),
                        tuple("b", Component.DEPRECIATION),
                        tuple("b", Component.POWER),
                        tuple("b", Component.SPACE),
                        tuple("b", Component.NETWORK));
        assertThat(lines.get(0).amount().doubleValue()).isCloseTo(0.875 * depreciation, within(5e-7));
        assertThat(lines.get(1).amount()).isEqualByComparingTo(new BigDecimal("3.798333"));
        assertThat(lines.get(1).quantity()).isCloseTo(0.875 * 48.72, within(1e-9));
        assertThat(lines.get(6).amount()).isEqualByComparingTo(new BigDecimal("0.575000"));
        BigDecimal total = lines.stream().map(OnPremCostModel.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total.doubleValue()).isCloseTo(depreciation + 4.340952 + 4.6 + 1, within(2e-6));
    }

    @Test
    void capacityNothingIsAllocatedOnIsOneUnallocatedLinePerComponent() {
        List<OnPremCostModel.Line> lines = OnPremCostModel.clusterDay(
                new OnPremCostModel.SiteRates("s", 0.1, 1.0, 1.0, 0),
                List.of(new OnPremCostModel.Servers(COMPUTE, 1, 0)),
                Map.of());

        // Fully depreciated: power 700 W × 24 h = 16.8 kWh at 0.1 and space 1; no network rate, no network line.
        assertThat(lines)
                .extracting(
                        OnPremCostModel.Line::service, OnPremCostModel.Line::component, OnPremCostModel.Line::amount)
                .containsExactly(
                        tuple(null, Component.POWER, new BigDecimal("1.680000")),
                        tuple(null, Component.SPACE, new BigDecimal("1.000000")));
        assertThat(OnPremCostModel.clusterDay(SITE, List.of(new OnPremCostModel.Servers(COMPUTE, 0, 0)), Map.of()))
                .isEmpty();
    }

    @Test
    void unitRatesSplitAServersMonthByTheCatalogWeights() {
        // A month: 21,000 / 48 = 437.5; power 16.8 kWh × 1.45 × 0.0891 × 30.436875 = 66.062...; space and network
        // (2.3 + 0.5) × 30.436875 = 85.22325. Weighted capacity 128 + 512 / 8 + 7.68 × 3 = 215.04.
        double month =
                437.5 + 16.8 * 1.45 * 0.0891 * OnPremCostModel.DAYS_PER_MONTH + 2.8 * OnPremCostModel.DAYS_PER_MONTH;
        UnitRates rates = OnPremCostModel.unitRates(COMPUTE, SITE);

        assertThat(rates.usdPerCoreMonth()).isCloseTo(month / 215.04, within(1e-12));
        assertThat(rates.usdPerGibMonth()).isCloseTo(month / 215.04 / 8, within(1e-12));
        assertThat(rates.usdPerTbMonth()).isCloseTo(month / 215.04 * 3, within(1e-12));
        // The whole capacity at these rates costs the server's month.
        assertThat(128 * rates.usdPerCoreMonth() + 512 * rates.usdPerGibMonth() + 7.68 * rates.usdPerTbMonth())
                .isCloseTo(month, within(1e-9));
    }

    @Test
    void impossibleRatesAreRefused() {
        assertThatThrownBy(() -> new OnPremCostModel.SiteRates("x", 0.1, 0.9, 1, 0))
                .hasMessageContaining("site x")
                .hasMessageContaining("PUE 0.9");
        assertThatThrownBy(() -> new OnPremCostModel.OwnedSku("y", 1, 1, 1, 100, 0, 10))
                .hasMessageContaining("SKU y");
    }
}
