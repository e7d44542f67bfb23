package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule that turns the SKU catalog's prices into unit rates (USD per core-month, GiB-month and TB-month), until the
 * cost model (issue 6) replaces it.
 *
 * <p><b>A SKU's monthly cost.</b> Owned: {@code price_usd / depreciation_months} plus power,
 * {@code power_watts / 1000 × 730 h × usdPerKwh} (the server's typical draw; cooling is not included: multiply the
 * price per kWh by the site's PUE to include it). Cloud: {@code hourly_usd × 730 h}, the on-demand price. A month is
 * {@value #HOURS_PER_MONTH} hours (365 × 24 / 12, rounded).
 *
 * <p><b>Split over resources.</b> The monthly cost is shared in proportion to each resource's capacity times a fixed
 * weight: a core weighs {@value #CORE_WEIGHT}, a GiB of memory {@value #GIB_WEIGHT} (eight GiB cost about as much as
 * a core) and a TB of storage {@value #TB_WEIGHT} (a TB of local disk costs about as much as three cores); round
 * figures in the proportions public clouds charge for custom machine shapes and local disks. So each SKU's rates are
 * in the same 1 : 1/8 : 3 proportion, scaled so that its whole capacity costs exactly its monthly cost:
 * {@code rate_r = monthly × weight_r / (cores × 1 + GiB × 0.125 + TB × 3)}.
 *
 * <p><b>A cluster's rates</b> are those of its SKU mix weighted by capacity: for each resource, the monthly cost its
 * servers attribute to that resource divided by their capacity of it.
 */
public final class UnitPricing {
    /** Hours in a month: 365 × 24 / 12 = 730. */
    public static final int HOURS_PER_MONTH = 730;

    /** The default price of electricity, USD per kWh. */
    public static final double DEFAULT_USD_PER_KWH = 0.10;

    /** Cost weight of one core. */
    public static final double CORE_WEIGHT = 1.0;

    /** Cost weight of one GiB of memory. */
    public static final double GIB_WEIGHT = 0.125;

    /** Cost weight of one TB of storage. */
    public static final double TB_WEIGHT = 3.0;

    private final double usdPerKwh;

    /** The rule with electricity at {@code usdPerKwh} USD per kWh (finite, {@code >= 0}). */
    public UnitPricing(double usdPerKwh) {
        checkArgument(usdPerKwh >= 0 && Double.isFinite(usdPerKwh), "usdPerKwh must be >= 0, got %s", usdPerKwh);
        this.usdPerKwh = usdPerKwh;
    }

    /** The rule with electricity at {@value #DEFAULT_USD_PER_KWH} USD per kWh. */
    public static UnitPricing defaults() {
        return new UnitPricing(DEFAULT_USD_PER_KWH);
    }

    public double usdPerKwh() {
        return usdPerKwh;
    }

    /** What one unit of {@code sku} costs a month, USD. */
    public double monthlyUsd(SkuCost sku) {
        requireNonNull(sku, "sku is null");
        if (sku.monthly() instanceof SkuCost.Owned owned) {
            return owned.priceUsd() / owned.depreciationMonths()
                    + owned.powerWatts() / 1000 * HOURS_PER_MONTH * usdPerKwh;
        }
        return ((SkuCost.Cloud) sku.monthly()).hourlyUsd() * HOURS_PER_MONTH;
    }

    /** The unit rates of {@code sku}: its monthly cost split over its resources by weight and capacity. */
    public UnitRates rates(SkuCost sku) {
        double perWeight = monthlyUsd(sku) / weightedCapacity(sku);
        return new UnitRates(perWeight * CORE_WEIGHT, perWeight * GIB_WEIGHT, perWeight * TB_WEIGHT);
    }

    /**
     * The unit rates of a cluster holding {@code serversBySku} servers of each SKU, weighted by capacity; a resource
     * the cluster has none of gets the rate 0 (nothing of it can be reclaimed or stranded). Empty when the cluster has
     * no servers.
     *
     * @throws IllegalArgumentException if a SKU is not in {@code catalog} or a count is negative
     */
    public Optional<UnitRates> clusterRates(Map<String, Long> serversBySku, Map<String, SkuCost> catalog) {
        Map<Resource, Double> cost = new EnumMap<>(Resource.class);
        Map<Resource, Double> capacity = new EnumMap<>(Resource.class);
        serversBySku.forEach((name, servers) -> {
            checkArgument(servers >= 0, "servers of %s must be >= 0, got %s", name, servers);
            SkuCost sku = catalog.get(name);
            if (sku == null) {
                throw new IllegalArgumentException("SKU \"" + name + "\" is not in the catalog");
            }
            UnitRates rates = rates(sku);
            for (Resource resource : Resource.values()) {
                double held = servers * sku.capacity(resource);
                capacity.merge(resource, held, Double::sum);
                cost.merge(resource, held * rates.usdPerUnitMonth(resource), Double::sum);
            }
        });
        if (capacity.getOrDefault(Resource.CPU, 0.0) == 0) {
            return Optional.empty();
        }
        return Optional.of(new UnitRates(
                perUnit(cost, capacity, Resource.CPU),
                perUnit(cost, capacity, Resource.MEMORY),
                perUnit(cost, capacity, Resource.STORAGE)));
    }

    private static double perUnit(Map<Resource, Double> cost, Map<Resource, Double> capacity, Resource resource) {
        double held = capacity.getOrDefault(resource, 0.0);
        return held == 0 ? 0 : cost.getOrDefault(resource, 0.0) / held;
    }

    private static double weightedCapacity(SkuCost sku) {
        return sku.cores() * CORE_WEIGHT + sku.memoryGib() * GIB_WEIGHT + sku.storageTb() * TB_WEIGHT;
    }
}
