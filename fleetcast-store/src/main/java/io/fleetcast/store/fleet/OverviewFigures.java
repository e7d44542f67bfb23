package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one {@link OverviewQuery}, read in one consistent snapshot of the store.
 *
 * @param servers servers and capacity in service on the query's last day; {@code null} when the scope names a service
 * @param usage average usage and allocation over the range
 * @param breakdown the next drill level's members (empty at the service level), largest capacity first, then most
 *     used, then by name
 * @param bySku servers in service on the last day per SKU, most servers first, then by name; empty for a service
 * @param timeline one point per day of the range, in date order
 * @param changesBySku per SKU, how its servers changed over the range: most in service at its end first, then by name;
 *     empty for a service
 * @param changesByMonth per calendar month of the range, how the servers changed over its days inside the range, in
 *     date order; empty for a service
 * @param changesByMember per member of the breakdown's level (a region, site or cluster), how its servers changed over
 *     the range, largest capacity at its end first, then by name; empty when that level is the service
 */
public record OverviewFigures(
        @Nullable ServerTotals servers,
        UsageAverages usage,
        List<BreakdownRow> breakdown,
        List<SkuCapacity> bySku,
        List<TimelinePoint> timeline,
        List<SupplyChange> changesBySku,
        List<SupplyChange> changesByMonth,
        List<SupplyChange> changesByMember) {
    public OverviewFigures {
        requireNonNull(usage, "usage is null");
        breakdown = List.copyOf(requireNonNull(breakdown, "breakdown is null"));
        bySku = List.copyOf(requireNonNull(bySku, "bySku is null"));
        timeline = List.copyOf(requireNonNull(timeline, "timeline is null"));
        changesBySku = List.copyOf(requireNonNull(changesBySku, "changesBySku is null"));
        changesByMonth = List.copyOf(requireNonNull(changesByMonth, "changesByMonth is null"));
        changesByMember = List.copyOf(requireNonNull(changesByMember, "changesByMember is null"));
    }
}
