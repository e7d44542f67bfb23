package io.fleetcast.planning.supply;

import io.fleetcast.core.unit.Resource;

/**
 * What one server (or instance) of a SKU holds, in each resource's canonical unit.
 *
 * @param cores CPU cores
 * @param memoryGib memory in GiB
 * @param storageTb storage in TB
 */
public record ServerShape(double cores, double memoryGib, double storageTb) {
    public ServerShape {
        if (!(cores >= 0 && memoryGib >= 0 && storageTb >= 0)) {
            throw new IllegalArgumentException("a server's capacity must not be negative");
        }
    }

    /** The capacity of {@code resource}. */
    public double capacity(Resource resource) {
        return switch (resource) {
            case CPU -> cores;
            case MEMORY -> memoryGib;
            case STORAGE -> storageTb;
        };
    }
}
