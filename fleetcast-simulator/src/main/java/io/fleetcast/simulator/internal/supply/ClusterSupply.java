package io.fleetcast.simulator.internal.supply;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.topology.Cluster;
import java.util.List;

/**
 * Everything one cluster ever held and ordered, over the whole simulated timeline.
 *
 * @param cluster the cluster
 * @param assets its servers or instances, in creation order
 * @param orders its purchase orders, in order of placement (none for cloud clusters)
 */
public record ClusterSupply(Cluster cluster, List<Asset> assets, List<PurchaseOrder> orders) {
    public ClusterSupply {
        requireNonNull(cluster, "cluster is null");
        assets = ImmutableList.copyOf(assets);
        orders = ImmutableList.copyOf(orders);
    }
}
