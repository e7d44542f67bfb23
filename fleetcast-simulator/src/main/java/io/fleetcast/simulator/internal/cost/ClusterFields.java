package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.topology.Cluster;

/**
 * The constant FOCUS columns of one cluster's lines, and its line kinds, encoded once.
 *
 * @param account the billing account
 * @param regionId RegionId
 * @param regionName RegionName
 * @param clusterName ResourceId of lines no service is charged for
 * @param depreciationKinds depreciation line kinds by owned SKU name
 * @param power power line kind (owned clusters)
 * @param space space line kind (owned clusters)
 * @param reservedUsage reserved usage line kind (cloud clusters)
 * @param onDemandUsage on-demand usage line kind (cloud clusters)
 * @param purchase reservation purchase line kind (cloud clusters)
 */
record ClusterFields(
        Account account,
        CsvField regionId,
        CsvField regionName,
        CsvField clusterName,
        ImmutableMap<String, LineKind> depreciationKinds,
        LineKind power,
        LineKind space,
        LineKind reservedUsage,
        LineKind onDemandUsage,
        LineKind purchase) {
    ClusterFields {
        requireNonNull(account, "account is null");
        requireNonNull(regionId, "regionId is null");
        requireNonNull(regionName, "regionName is null");
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(depreciationKinds, "depreciationKinds is null");
        requireNonNull(power, "power is null");
        requireNonNull(space, "space is null");
        requireNonNull(reservedUsage, "reservedUsage is null");
        requireNonNull(onDemandUsage, "onDemandUsage is null");
        requireNonNull(purchase, "purchase is null");
    }

    static ClusterFields of(Cluster cluster, Account account, String regionId, SkuCatalog catalog) {
        ImmutableMap.Builder<String, LineKind> depreciation = ImmutableMap.builder();
        for (Sku sku : catalog.owned()) {
            depreciation.put(sku.name(), LineKind.depreciation(sku, cluster.family()));
        }
        Sku cloudType = catalog.cloudType(cluster.region().cloudProvider(), cluster.family());
        return new ClusterFields(
                account,
                CsvField.of(regionId),
                CsvField.of(cluster.region().name()),
                CsvField.of(cluster.name()),
                depreciation.buildOrThrow(),
                LineKind.power(cluster.site()),
                LineKind.space(cluster.site()),
                LineKind.reservedUsage(cloudType),
                LineKind.onDemandUsage(cloudType),
                LineKind.reservationPurchase(cloudType));
    }

    LineKind depreciation(Sku sku) {
        LineKind kind = depreciationKinds.get(sku.name());
        if (kind == null) {
            throw new IllegalStateException("no depreciation line kind for " + sku.name());
        }
        return kind;
    }
}
