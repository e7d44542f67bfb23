package io.fleetcast.simulator.internal.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Provider;

/**
 * An owned datacenter or a cloud region, in one region.
 *
 * @param name site name as written to files
 * @param region the region it is in
 * @param provider {@link Provider#ON_PREMISES} for a datacenter, else the cloud
 * @param powerUsageEffectiveness facility power over IT power (datacenters; 1 for cloud)
 * @param kwhPriceMicros electricity price, micro-dollars per kWh (datacenters; 0 for cloud)
 * @param spaceMicrosPerServerDay rack space and facility cost per installed server per day (datacenters; 0 for cloud)
 */
public record Site(
        String name,
        Region region,
        Provider provider,
        double powerUsageEffectiveness,
        long kwhPriceMicros,
        long spaceMicrosPerServerDay) {
    public Site {
        requireNonNull(name, "name is null");
        requireNonNull(region, "region is null");
        requireNonNull(provider, "provider is null");
        checkArgument(powerUsageEffectiveness >= 1, "powerUsageEffectiveness must be >= 1");
        checkArgument(kwhPriceMicros >= 0 && spaceMicrosPerServerDay >= 0, "prices must be >= 0");
    }

    public boolean isCloud() {
        return provider.isCloud();
    }

    /** The {@code site_kind} written to assets.csv: {@code datacenter} or {@code cloud}. */
    public String kindCode() {
        return isCloud() ? "cloud" : "datacenter";
    }
}
