package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.SupplyPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cluster's plan is made from.
 *
 * @param cluster the cluster
 * @param site its site
 * @param region its region
 * @param elastic whether it scales on demand (a cloud cluster): it is planned for cost, never runs out, gets no orders
 * @param demand the demand forecast per resource
 * @param supply the supply forecast per resource (absent for a resource the cluster has none of)
 * @param headroom the buffer per resource to hold above P50 demand, in its unit (absent means none)
 * @param option what to order for it; empty when nothing can be ordered (no SKU or no lead time known)
 * @param cloud its cloud instances' capacity per resource by how it is bought (empty for owned servers only). In a
 *     cluster of owned servers and cloud instances, {@code supply} holds the owned servers and reserved instances, not
 *     those on demand, which come and go with demand
 * @param burst for a cluster of owned servers and cloud instances, the instance type it runs on demand (else empty)
 * @param otherLines the newest SKU of each other product line in the fleet (memory servers for a compute cluster,
 *     say): mixed into its orders when {@code mixLines}, else only priced, to say what a mix would save
 * @param mixLines whether orders may mix {@code otherLines} in with {@code option}, at the least cost
 */
public record ClusterInputs(
        String cluster,
        String site,
        String region,
        boolean elastic,
        Map<Resource, DemandForecast> demand,
        Map<Resource, SupplyPath> supply,
        Map<Resource, Double> headroom,
        Optional<OrderOption> option,
        Map<Resource, CloudCapacity> cloud,
        Optional<BurstOption> burst,
        List<OrderOption> otherLines,
        boolean mixLines) {
    public ClusterInputs {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
        demand = ImmutableMap.copyOf(demand);
        supply = ImmutableMap.copyOf(supply);
        headroom = ImmutableMap.copyOf(headroom);
        requireNonNull(option, "option is null");
        cloud = ImmutableMap.copyOf(cloud);
        requireNonNull(burst, "burst is null");
        otherLines = ImmutableList.copyOf(otherLines);
        if (elastic && burst.isPresent()) {
            throw new IllegalArgumentException(cluster + " scales on demand: it has no owned capacity to burst beyond");
        }
    }

    /** Orders of {@code option} alone: no other line priced or mixed in. */
    public ClusterInputs(
            String cluster,
            String site,
            String region,
            boolean elastic,
            Map<Resource, DemandForecast> demand,
            Map<Resource, SupplyPath> supply,
            Map<Resource, Double> headroom,
            Optional<OrderOption> option,
            Map<Resource, CloudCapacity> cloud,
            Optional<BurstOption> burst) {
        this(cluster, site, region, elastic, demand, supply, headroom, option, cloud, burst, List.of(), false);
    }
}
