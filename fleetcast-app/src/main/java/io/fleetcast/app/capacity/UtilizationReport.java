package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.planning.utilization.UtilizationPolicy;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.utilization.HostShape;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The utilization analysis of a scope over a window, as {@code fleetcast plan --json} and the API show it. Its
 * components are named for Jackson with snake-case naming (the CLI's): {@code usedP95} is rendered {@code used_p95}.
 * Quantities are in the row's {@code unit} (cores, GiB, TB); money in USD per month; fractions of 1.
 *
 * @param scope the part of the fleet
 * @param from the window's first day
 * @param to the window's last day; supply is what is in service on it
 * @param utilization one row per service, cluster and resource
 * @param clusterUtilization one row per cluster and resource
 * @param skuUtilization one row per cluster, SKU and resource the SKU has capacity of: its part of the cluster's
 *     supply and, in the same proportion, of its services' use and allocation
 * @param hostShapes servers and capacity per cluster and SKU
 * @param unitRates the unit rates of each cluster
 * @param stranded capacity stranded beside an exhausted resource
 * @param rightsizing recommendations for idle and under-used allocations, largest saving first
 * @param strandedUsdPerMonth what the stranded capacity costs a month, summed
 * @param rightsizingUsdPerMonth what the recommendations save a month, summed
 * @param policy the thresholds used
 * @param pricing how unit rates were made
 */
public record UtilizationReport(
        FleetScope scope,
        LocalDate from,
        LocalDate to,
        ImmutableList<ServiceRow> utilization,
        ImmutableList<ClusterRow> clusterUtilization,
        ImmutableList<SkuRow> skuUtilization,
        ImmutableList<HostShape> hostShapes,
        ImmutableList<ClusterRates> unitRates,
        ImmutableList<StrandedRow> stranded,
        ImmutableList<RightsizingRow> rightsizing,
        double strandedUsdPerMonth,
        double rightsizingUsdPerMonth,
        UtilizationPolicy policy,
        Pricing pricing) {
    public UtilizationReport {
        requireNonNull(scope, "scope is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(utilization, "utilization is null");
        requireNonNull(clusterUtilization, "clusterUtilization is null");
        requireNonNull(skuUtilization, "skuUtilization is null");
        requireNonNull(hostShapes, "hostShapes is null");
        requireNonNull(unitRates, "unitRates is null");
        requireNonNull(stranded, "stranded is null");
        requireNonNull(rightsizing, "rightsizing is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(pricing, "pricing is null");
    }

    /**
     * One service's use of one resource in one cluster: daily percentiles over the window, its current allocation,
     * and its share of the cluster's supply.
     *
     * @param days days with usage in the window
     * @param allocatedNow the allocation on the window's last day that has one; {@code null} without allocations (so
     *     are the allocated percentiles)
     * @param clusterSupply the cluster's supply of the resource
     * @param supplyShare {@code allocatedNow / clusterSupply}; {@code null} without allocation or supply
     * @param usedToAllocated P95 use over {@code allocatedNow}
     * @param status {@code idle}, {@code under_used}, {@code well_used}, {@code above_allocation} or
     *     {@code unallocated}
     */
    public record ServiceRow(
            String service,
            String cluster,
            String site,
            String region,
            String resource,
            String unit,
            long days,
            double usedP50,
            double usedP95,
            double usedMax,
            @Nullable Double allocatedP50,
            @Nullable Double allocatedP95,
            @Nullable Double allocatedMax,
            @Nullable Double allocatedNow,
            double clusterSupply,
            @Nullable Double supplyShare,
            @Nullable Double usedToAllocated,
            String status) {}

    /**
     * One cluster's supply of one resource against the daily totals of its services.
     *
     * @param heldFraction P95 daily allocated total (used, without allocations) over supply; {@code null} without
     *     supply
     * @param usdPerUnitMonth the cluster's rate for the resource; {@code null} without servers
     */
    public record ClusterRow(
            String cluster,
            String site,
            String region,
            String resource,
            String unit,
            double supply,
            long days,
            @Nullable Double usedP50,
            @Nullable Double usedP95,
            @Nullable Double usedMax,
            @Nullable Double allocatedP50,
            @Nullable Double allocatedP95,
            @Nullable Double allocatedMax,
            @Nullable Double heldFraction,
            @Nullable Double usdPerUnitMonth) {}

    /**
     * One SKU's servers in one cluster and their part of its supply of one resource. Usage is recorded per service and
     * cluster, not per server, so the cluster's use and allocation are attributed to its SKUs in proportion to their
     * capacity: {@code share} times the cluster's daily totals (exact for a cluster of one SKU). Summed over clusters,
     * the rows of a SKU say how much of that hardware is in use; the percentiles are then sums of the clusters'
     * percentiles, not percentiles of the sum.
     *
     * @param servers the SKU's servers in service in the cluster on the window's last day
     * @param supply their capacity of the resource
     * @param share {@code supply} over the cluster's supply of the resource
     * @param allocatedNow {@code share} times the sum of the cluster's services' allocations now; {@code null} without
     *     allocations
     */
    public record SkuRow(
            String sku,
            String kind,
            String cluster,
            String site,
            String region,
            String resource,
            String unit,
            long servers,
            double supply,
            double share,
            long days,
            @Nullable Double usedP50,
            @Nullable Double usedP95,
            @Nullable Double usedMax,
            @Nullable Double allocatedP95,
            @Nullable Double allocatedNow) {}

    /** A cluster's unit rates, USD per month of a core, a GiB and a TB: its SKU mix weighted by capacity. */
    public record ClusterRates(String cluster, double usdPerCoreMonth, double usdPerGibMonth, double usdPerTbMonth) {}

    /**
     * Stranded capacity: {@code stranded = supply × (binding_fraction − fraction)} of {@code resource}.
     *
     * @param hostShapes the cluster's SKUs; with one, the stranding is on that host shape
     */
    public record StrandedRow(
            String cluster,
            ImmutableList<String> hostShapes,
            String binding,
            double bindingFraction,
            String resource,
            double fraction,
            double supply,
            double stranded,
            String unit,
            @Nullable Double usdPerMonth) {}

    /** Shrink an allocation to {@code recommended} (P95 use plus the margin), freeing {@code reclaimable}. */
    public record RightsizingRow(
            String service,
            String cluster,
            String resource,
            String status,
            double usedP95,
            double allocatedNow,
            double recommended,
            double reclaimable,
            String unit,
            @Nullable Double usdPerMonth) {}

    /**
     * How the unit rates were made (see docs/capacity-utilization.md): owned SKUs cost their price over their
     * depreciation months plus power at {@code usdPerKwh}; cloud SKUs their hourly price times {@code hoursPerMonth};
     * split over resources by capacity times the weights.
     */
    public record Pricing(double usdPerKwh, int hoursPerMonth, double coreWeight, double gibWeight, double tbWeight) {}
}
