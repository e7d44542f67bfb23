package io.fleetcast.simulator.internal.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import org.jspecify.annotations.Nullable;

/**
 * A hardware model or a cloud instance type. Money is in micro-dollars (USD × 10^6) so it stays exact.
 *
 * @param name unique SKU name
 * @param provider {@link Provider#ON_PREMISES} for owned hardware, else the cloud selling the instance type
 * @param family compute, memory-heavy or storage-heavy
 * @param description for people
 * @param cores CPU cores (vCPUs for cloud)
 * @param memoryGib memory in GiB
 * @param storageTb local storage in TB (10^12 bytes)
 * @param priceMicros purchase price per unit (owned), 0 for cloud
 * @param hourlyMicros on-demand price per hour (cloud), 0 for owned
 * @param reservedHourlyMicros reserved price per hour (cloud), 0 for owned
 * @param powerWatts typical draw (owned), 0 for cloud
 * @param depreciationMonths months over which the price is depreciated (owned), 0 for cloud
 * @param lifetimeMonths planned age at retirement (owned), 0 for cloud
 * @param availableFromDay first epoch day it can be ordered
 * @param life the known Weibull life (owned), null for cloud
 */
public record Sku(
        String name,
        Provider provider,
        Family family,
        String description,
        int cores,
        double memoryGib,
        double storageTb,
        long priceMicros,
        long hourlyMicros,
        long reservedHourlyMicros,
        int powerWatts,
        int depreciationMonths,
        int lifetimeMonths,
        int availableFromDay,
        @Nullable WeibullLife life) {

    public Sku {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(family, "family is null");
        requireNonNull(description, "description is null");
        checkArgument(cores >= 1, "%s: cores must be >= 1, got %s", name, cores);
        checkArgument(memoryGib > 0, "%s: memoryGib must be > 0, got %s", name, memoryGib);
        checkArgument(storageTb >= 0, "%s: storageTb must be >= 0, got %s", name, storageTb);
        if (provider.isCloud()) {
            checkArgument(hourlyMicros > 0, "%s: hourlyMicros must be > 0, got %s", name, hourlyMicros);
            checkArgument(
                    reservedHourlyMicros > 0 && reservedHourlyMicros <= hourlyMicros,
                    "%s: reservedHourlyMicros must be in (0, hourly], got %s",
                    name,
                    reservedHourlyMicros);
            checkArgument(life == null, "%s: cloud SKUs have no simulated life", name);
        } else {
            checkArgument(priceMicros > 0, "%s: priceMicros must be > 0, got %s", name, priceMicros);
            checkArgument(powerWatts > 0, "%s: powerWatts must be > 0, got %s", name, powerWatts);
            checkArgument(depreciationMonths >= 1, "%s: depreciationMonths must be >= 1", name);
            checkArgument(lifetimeMonths >= 1, "%s: lifetimeMonths must be >= 1", name);
            checkArgument(life != null, "%s: owned SKUs need a life distribution", name);
        }
    }

    public boolean isCloud() {
        return provider.isCloud();
    }

    /** Capacity of one unit in the resource's canonical unit (cores, GiB, TB). */
    public double capacity(Resource resource) {
        return switch (resource) {
            case CPU -> cores;
            case MEMORY -> memoryGib;
            case STORAGE -> storageTb;
        };
    }

    /** The Weibull life of an owned SKU; fails for cloud types. */
    public WeibullLife lifeOrThrow() {
        if (life == null) {
            throw new IllegalStateException(name + " is a cloud instance type and has no simulated life");
        }
        return life;
    }
}
