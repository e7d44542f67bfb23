package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One member of the next drill level (a region, site, cluster or service) with its servers and capacity on the last
 * day of the range and its average usage and allocation over the range.
 *
 * @param key the member's name
 * @param servers servers in service on the last day; {@code null} for services, which own none
 * @param capacity their capacity of the chosen resource, canonical unit; {@code null} for services
 * @param used average daily usage over the range; {@code null} without usage rows
 * @param allocated average daily allocation over the range; {@code null} without stated allocations
 */
public record BreakdownRow(
        String key,
        @Nullable Long servers,
        @Nullable Double capacity,
        @Nullable Double used,
        @Nullable Double allocated) {
    public BreakdownRow {
        requireNonNull(key, "key is null");
    }
}
