package io.fleetcast.simulator.internal.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Family;

/**
 * A cluster: servers (or cloud instances) of one family on one site.
 *
 * @param index position in {@link Topology#clusters()}
 * @param name cluster name as written to files
 * @param site the site it is on
 * @param family the kind of servers it is built from, and so which services it hosts
 * @param buildDay epoch day its first servers enter service
 * @param targetUnits roughly how many servers or instances it holds at the end of the history
 * @param orderUnit the number of servers orders are rounded up to (owned; 1 for cloud)
 * @param designedToExhaust whether the simulation builds it to run out of capacity within the planning horizon
 */
public record Cluster(
        int index,
        String name,
        Site site,
        Family family,
        int buildDay,
        double targetUnits,
        int orderUnit,
        boolean designedToExhaust) {
    public Cluster {
        checkArgument(index >= 0, "index must be >= 0");
        requireNonNull(name, "name is null");
        requireNonNull(site, "site is null");
        requireNonNull(family, "family is null");
        checkArgument(targetUnits > 0, "targetUnits must be > 0, got %s", targetUnits);
        checkArgument(orderUnit >= 1, "orderUnit must be >= 1, got %s", orderUnit);
    }

    public boolean isCloud() {
        return site.isCloud();
    }

    public Region region() {
        return site.region();
    }

    /** Servers per rack in an owned cluster (rack names in assets.csv). */
    public int serversPerRack() {
        return switch (family) {
            case COMPUTE -> 20;
            case MEMORY -> 16;
            case STORAGE -> 10;
        };
    }
}
