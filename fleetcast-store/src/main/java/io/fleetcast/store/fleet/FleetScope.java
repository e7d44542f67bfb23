package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A part of the fleet: everything, or what lies under a region, site, cluster and/or service. A {@code null} component
 * does not restrict. The components need not be consistent with each other (a site outside the region simply matches
 * nothing); callers that take scopes from users check them against {@link FleetTopology} first.
 *
 * @param region a region name, or {@code null} for all regions
 * @param site a site (datacenter or cloud region) name, or {@code null} for all sites
 * @param cluster a cluster name, or {@code null} for all clusters
 * @param service a service name, or {@code null} for all services; a scope with a service has no servers of its own
 */
public record FleetScope(
        @Nullable String region,
        @Nullable String site,
        @Nullable String cluster,
        @Nullable String service) {
    /** The whole fleet. */
    public static final FleetScope FLEET = new FleetScope(null, null, null, null);

    public FleetScope {
        checkNotBlank("region", region);
        checkNotBlank("site", site);
        checkNotBlank("cluster", cluster);
        checkNotBlank("service", service);
    }

    private static void checkNotBlank(String name, @Nullable String value) {
        checkArgument(value == null || !value.isBlank(), "%s must be null or not blank, got \"%s\"", name, value);
    }

    /** The deepest level this scope names: {@code SERVICE} if it names a service, ..., {@code FLEET} if nothing. */
    public FleetLevel level() {
        if (service != null) {
            return FleetLevel.SERVICE;
        }
        if (cluster != null) {
            return FleetLevel.CLUSTER;
        }
        if (site != null) {
            return FleetLevel.SITE;
        }
        return region != null ? FleetLevel.REGION : FleetLevel.FLEET;
    }

    /** The level a drill-down from this scope goes to; empty at the service level. */
    public Optional<FleetLevel> breakdownLevel() {
        return level().next();
    }

    /** Whether this scope holds servers: every scope that does not name a service (services share clusters). */
    public boolean hasServers() {
        return service == null;
    }
}
