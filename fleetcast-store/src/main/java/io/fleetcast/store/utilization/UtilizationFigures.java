package io.fleetcast.store.utilization;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * The utilization figures of a query's scope and window, all read from one snapshot.
 *
 * @param query what was asked
 * @param services per service, cluster and resource, ordered by cluster, service and resource
 * @param clusters per cluster and resource (every resource of every cluster in scope), ordered by region, site,
 *     cluster and resource
 * @param hostShapes per cluster and SKU, ordered by cluster and SKU
 * @param skus the SKU catalog, ordered by SKU
 */
public record UtilizationFigures(
        UtilizationQuery query,
        ImmutableList<ServiceUtilization> services,
        ImmutableList<ClusterUtilization> clusters,
        ImmutableList<HostShape> hostShapes,
        ImmutableList<SkuPrice> skus) {
    public UtilizationFigures {
        requireNonNull(query, "query is null");
        requireNonNull(services, "services is null");
        requireNonNull(clusters, "clusters is null");
        requireNonNull(hostShapes, "hostShapes is null");
        requireNonNull(skus, "skus is null");
    }
}
