package io.fleetcast.store.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The servers of one SKU (one host shape) in one cluster, in service on the window's last day, and their capacity.
 *
 * @param cluster the cluster
 * @param sku the SKU
 * @param servers how many are in service
 * @param cores their cores
 * @param memoryGib their memory in GiB
 * @param storageTb their storage in TB
 */
public record HostShape(String cluster, String sku, long servers, long cores, double memoryGib, double storageTb) {
    public HostShape {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(sku, "sku is null");
        checkArgument(servers > 0, "servers must be > 0, got %s", servers);
    }
}
