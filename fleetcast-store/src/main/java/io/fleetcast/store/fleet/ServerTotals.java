package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.core.unit.Resource;

/**
 * Servers in service on one day and their summed capacity.
 *
 * @param servers assets in service: installed on or before the day, not failed or retired on or before it
 * @param cores their CPU cores
 * @param memoryGib their memory, GiB
 * @param storageTb their storage, TB
 */
public record ServerTotals(long servers, long cores, double memoryGib, double storageTb) {
    public ServerTotals {
        checkArgument(servers >= 0, "servers must be >= 0, got %s", servers);
        checkArgument(cores >= 0, "cores must be >= 0, got %s", cores);
        checkArgument(memoryGib >= 0, "memoryGib must be >= 0, got %s", memoryGib);
        checkArgument(storageTb >= 0, "storageTb must be >= 0, got %s", storageTb);
    }

    /** The capacity of {@code resource}, in its canonical unit. */
    public double capacity(Resource resource) {
        return switch (resource) {
            case CPU -> cores;
            case MEMORY -> memoryGib;
            case STORAGE -> storageTb;
        };
    }
}
