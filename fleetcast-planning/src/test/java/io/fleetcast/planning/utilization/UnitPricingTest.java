package io.fleetcast.planning.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.unit.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Unit rates worked by hand. {@code big}: owned, 64 cores, 512 GiB, 4 TB, USD 14,500 over 60 months, 450 W; at USD
 * 0.10 per kWh it costs 14500 / 60 + 0.45 kW × 730 h × 0.10 = 241.666667 + 32.85 = 274.516667 a month. Its weighted
 * capacity is 64 × 1 + 512 × 0.125 + 4 × 3 = 140, so a core costs 274.516667 / 140 = 1.960833 a month, a GiB an eighth
 * of that and a TB three times. {@code small}: cloud, 16 cores, 64 GiB, USD 0.8064 an hour: 588.672 a month over a
 * weighted capacity of 24, 24.528 per core-month.
 */
class UnitPricingTest {
    static final SkuCost BIG = new SkuCost("big", 64, 512, 4, new SkuCost.Owned(14500, 60, 450));
    static final SkuCost SMALL = new SkuCost("small", 16, 64, 0, new SkuCost.Cloud(0.8064));
    static final ImmutableMap<String, SkuCost> CATALOG = ImmutableMap.of("big", BIG, "small", SMALL);

    private final UnitPricing pricing = UnitPricing.defaults();

    @Test
    void anOwnedSkuCostsDepreciationPlusPower() {
        assertThat(pricing.monthlyUsd(BIG)).isCloseTo(274.516667, within(1e-6));
    }

    @Test
    void aCloudSkuCostsItsHourlyPriceTimes730() {
        assertThat(pricing.monthlyUsd(SMALL)).isCloseTo(588.672, within(1e-9));
    }

    @Test
    void ratesSplitTheMonthlyCostByWeightedCapacity() {
        UnitRates rates = pricing.rates(BIG);

        assertThat(rates.usdPerCoreMonth()).isCloseTo(1.960833, within(1e-6));
        assertThat(rates.usdPerGibMonth()).isCloseTo(0.245104, within(1e-6));
        assertThat(rates.usdPerTbMonth()).isCloseTo(5.8825, within(1e-6));
        assertThat(pricing.rates(SMALL).usdPerCoreMonth()).isCloseTo(24.528, within(1e-9));
    }

    @Test
    void theCostOfPowerScalesWithThePriceOfElectricity() {
        assertThat(new UnitPricing(0.20).monthlyUsd(BIG)).isCloseTo(241.666667 + 65.7, within(1e-6));
        assertThat(new UnitPricing(0).monthlyUsd(BIG)).isCloseTo(241.666667, within(1e-6));
    }

    /**
     * Two big and one small: cores (2 × 64 × 1.960833 + 16 × 24.528) / 144 = 4.468296; GiB (2 × 512 × 0.245104 + 64 ×
     * 3.066) / 1088 = 0.411039; TB only from the big ones, 5.8825.
     */
    @Test
    void aClusterRateIsTheCapacityWeightedMeanOfItsSkus() {
        UnitRates rates = pricing.clusterRates(ImmutableMap.of("big", 2L, "small", 1L), CATALOG)
                .orElseThrow();

        assertThat(rates.usdPerCoreMonth()).isCloseTo(4.468296, within(1e-6));
        assertThat(rates.usdPerGibMonth()).isCloseTo(0.411039, within(1e-6));
        assertThat(rates.usdPerTbMonth()).isCloseTo(5.8825, within(1e-6));
    }

    @Test
    void aResourceTheClusterHasNoneOfCostsNothing() {
        UnitRates rates =
                pricing.clusterRates(ImmutableMap.of("small", 3L), CATALOG).orElseThrow();

        assertThat(rates.usdPerTbMonth()).isZero();
        assertThat(pricing.clusterRates(ImmutableMap.of(), CATALOG)).isEmpty();
    }

    @Test
    void anUnknownSkuIsRejected() {
        assertThatThrownBy(() -> pricing.clusterRates(ImmutableMap.of("huge", 1L), CATALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SKU \"huge\" is not in the catalog");
    }

    /** Whatever the mix, the cluster's capacity priced at its rates costs exactly what its servers cost. */
    @Test
    void clusterRatesKeepTheWholeMonthlyCost() {
        Random random = new Random(20261202L);
        for (int trial = 0; trial < 200; trial++) {
            Map<String, SkuCost> catalog = new LinkedHashMap<>();
            Map<String, Long> servers = new LinkedHashMap<>();
            Map<SkuCost, Long> counts = new LinkedHashMap<>();
            double expected = 0;
            int skus = 1 + random.nextInt(4);
            for (int k = 0; k < skus; k++) {
                SkuCost sku = new SkuCost(
                        "sku" + k,
                        1 + random.nextInt(128),
                        random.nextInt(2048),
                        random.nextBoolean() ? 0 : random.nextDouble() * 300,
                        random.nextBoolean()
                                ? new SkuCost.Owned(random.nextDouble() * 40_000, 1 + random.nextInt(72), 900)
                                : new SkuCost.Cloud(random.nextDouble() * 10));
                long count = 1L + random.nextInt(500);
                catalog.put(sku.sku(), sku);
                servers.put(sku.sku(), count);
                counts.put(sku, count);
                expected += count * pricing.monthlyUsd(sku);
            }
            UnitRates rates = pricing.clusterRates(servers, catalog).orElseThrow();
            double priced = 0;
            for (Resource resource : Resource.values()) {
                double capacity = 0;
                for (Map.Entry<SkuCost, Long> entry : counts.entrySet()) {
                    capacity += entry.getValue() * entry.getKey().capacity(resource);
                }
                priced += capacity * rates.usdPerUnitMonth(resource);
            }
            assertThat(priced).as("trial %d", trial).isCloseTo(expected, within(expected * 1e-9 + 1e-9));
        }
    }
}
