package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

/** Where a cluster is: its site and the site's region. */
public record ClusterPlacement(String cluster, String site, String region) {
    public ClusterPlacement {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(site, "site is null");
        requireNonNull(region, "region is null");
    }
}
