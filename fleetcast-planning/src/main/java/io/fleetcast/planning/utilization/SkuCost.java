package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;

/**
 * What one unit of a SKU holds and costs, as the SKU catalog states it. Money is converted from the catalog's exact
 * decimals to {@code double} here, at the analysis's boundary.
 *
 * @param sku the SKU
 * @param cores cores per unit, {@code >= 1}
 * @param memoryGib memory per unit in GiB, {@code >= 0}
 * @param storageTb storage per unit in TB, {@code >= 0}
 * @param monthly how its monthly cost is made up
 */
public record SkuCost(String sku, long cores, double memoryGib, double storageTb, Monthly monthly) {
    public SkuCost {
        requireNonNull(sku, "sku is null");
        requireNonNull(monthly, "monthly is null");
        checkArgument(cores >= 1, "cores of %s must be >= 1, got %s", sku, cores);
        checkArgument(memoryGib >= 0 && Double.isFinite(memoryGib), "memoryGib of %s must be >= 0", sku);
        checkArgument(storageTb >= 0 && Double.isFinite(storageTb), "storageTb of %s must be >= 0", sku);
    }

    /** Where a SKU's monthly cost comes from. */
    public sealed interface Monthly permits Owned, Cloud {}

    /**
     * Owned hardware: the purchase price depreciated over a number of months, plus the power it draws.
     *
     * @param priceUsd purchase price per unit, USD, {@code >= 0}
     * @param depreciationMonths months over which the price is depreciated, {@code >= 1}
     * @param powerWatts typical power draw, W, {@code >= 0}
     */
    public record Owned(double priceUsd, long depreciationMonths, double powerWatts) implements Monthly {
        public Owned {
            checkArgument(priceUsd >= 0 && Double.isFinite(priceUsd), "priceUsd must be >= 0, got %s", priceUsd);
            checkArgument(depreciationMonths >= 1, "depreciationMonths must be >= 1, got %s", depreciationMonths);
            checkArgument(
                    powerWatts >= 0 && Double.isFinite(powerWatts), "powerWatts must be >= 0, got %s", powerWatts);
        }
    }

    /**
     * A cloud instance type at its on-demand price.
     *
     * @param hourlyUsd price per hour, USD, {@code >= 0}
     */
    public record Cloud(double hourlyUsd) implements Monthly {
        public Cloud {
            checkArgument(hourlyUsd >= 0 && Double.isFinite(hourlyUsd), "hourlyUsd must be >= 0, got %s", hourlyUsd);
        }
    }

    /** Its capacity of {@code resource}, in the canonical unit. */
    public double capacity(Resource resource) {
        return switch (resource) {
            case CPU -> cores;
            case MEMORY -> memoryGib;
            case STORAGE -> storageTb;
        };
    }
}
