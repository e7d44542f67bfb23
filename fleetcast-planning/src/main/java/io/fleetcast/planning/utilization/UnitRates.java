package io.fleetcast.planning.utilization;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.core.unit.Resource;

/**
 * What a month of one unit of each resource costs, in USD.
 *
 * @param usdPerCoreMonth USD per core per month
 * @param usdPerGibMonth USD per GiB of memory per month
 * @param usdPerTbMonth USD per TB of storage per month
 */
public record UnitRates(double usdPerCoreMonth, double usdPerGibMonth, double usdPerTbMonth) {
    public UnitRates {
        checkArgument(
                usdPerCoreMonth >= 0 && usdPerGibMonth >= 0 && usdPerTbMonth >= 0,
                "rates must be >= 0, got %s, %s, %s",
                usdPerCoreMonth,
                usdPerGibMonth,
                usdPerTbMonth);
    }

    /** USD per month of one canonical unit of {@code resource} (a core, a GiB, a TB). */
    public double usdPerUnitMonth(Resource resource) {
        return switch (resource) {
            case CPU -> usdPerCoreMonth;
            case MEMORY -> usdPerGibMonth;
            case STORAGE -> usdPerTbMonth;
        };
    }
}
