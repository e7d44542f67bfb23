package io.fleetcast.simulator.internal.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Provider;

/**
 * A geographic region holding owned datacenters and one public cloud region.
 *
 * @param name region name as written to files ({@code us-east})
 * @param utcOffsetHours local time offset from UTC, for the daily cycle of demand
 * @param area where it is, for regional holidays
 * @param cloudProvider the cloud used in this region
 * @param cloudRegionId the cloud provider's id of its region ({@code us-east-1})
 * @param kwhPriceMicros electricity price for owned datacenters, micro-dollars per kWh
 */
public record Region(
        String name, int utcOffsetHours, Area area, Provider cloudProvider, String cloudRegionId, long kwhPriceMicros) {
    public Region {
        requireNonNull(name, "name is null");
        requireNonNull(area, "area is null");
        requireNonNull(cloudProvider, "cloudProvider is null");
        requireNonNull(cloudRegionId, "cloudRegionId is null");
        checkArgument(cloudProvider.isCloud(), "cloudProvider must be a cloud, got %s", cloudProvider);
        checkArgument(kwhPriceMicros > 0, "kwhPriceMicros must be > 0, got %s", kwhPriceMicros);
    }
}
