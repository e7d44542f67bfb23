package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.fleet.FleetOverview;
import io.fleetcast.store.fleet.BreakdownRow;
import io.fleetcast.store.fleet.FleetLevel;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.ServerTotals;
import io.fleetcast.store.fleet.SkuCapacity;
import io.fleetcast.store.fleet.SupplyChange;
import io.fleetcast.store.fleet.TimelinePoint;
import io.fleetcast.store.fleet.UsageAverages;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/fleet/overview}: capacity versus allocation versus usage for one part of the fleet. Quantities of
 * the chosen resource are in {@code unit}; {@code null} means "does not apply" (servers of a service) or "no data"
 * (usage on a day without usage rows).
 *
 * @param scope the scope, with parents filled in
 * @param from the first day, inclusive
 * @param to the last day, inclusive; servers and capacity are those in service on this day
 * @param resource {@code cpu}, {@code memory} or {@code storage}
 * @param unit the canonical unit of the resource: {@code cores}, {@code GiB} or {@code TB}
 * @param asOf the data's last day
 * @param firstDay the data's first day
 * @param totals the scope's servers and capacity on {@code to}, and its average usage and allocation
 * @param breakdown the next drill level's members
 * @param bySku servers and capacity on {@code to} per SKU
 * @param timeline one point per day from {@code from} to {@code to}
 * @param supplyChanges how the scope's servers changed over the range, per SKU, per month and per member of the
 *     breakdown; empty for a service
 */
public record FleetOverviewView(
        ScopeView scope,
        LocalDate from,
        LocalDate to,
        String resource,
        String unit,
        LocalDate asOf,
        LocalDate firstDay,
        TotalsView totals,
        BreakdownView breakdown,
        List<SkuView> bySku,
        List<PointView> timeline,
        SupplyChangesView supplyChanges) {
    public FleetOverviewView {
        requireNonNull(scope, "scope is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(totals, "totals is null");
        requireNonNull(breakdown, "breakdown is null");
        bySku = List.copyOf(requireNonNull(bySku, "bySku is null"));
        timeline = List.copyOf(requireNonNull(timeline, "timeline is null"));
        requireNonNull(supplyChanges, "supplyChanges is null");
    }

    static FleetOverviewView of(FleetOverview overview) {
        return new FleetOverviewView(
                ScopeView.of(overview.scope()),
                overview.from(),
                overview.to(),
                overview.resource().code(),
                overview.unit(),
                overview.span().asOf(),
                overview.span().firstDay(),
                TotalsView.of(overview),
                new BreakdownView(
                        overview.breakdownLevel().map(FleetLevel::code).orElse(null),
                        overview.figures().breakdown().stream()
                                .map(BreakdownRowView::of)
                                .toList()),
                overview.figures().bySku().stream().map(SkuView::of).toList(),
                overview.figures().timeline().stream().map(PointView::of).toList(),
                new SupplyChangesView(
                        overview.figures().changesBySku(),
                        overview.figures().changesByMonth(),
                        overview.figures().changesByMember()));
    }

    /**
     * How the scope's servers changed over the range: for each SKU, each calendar month and each member of the
     * breakdown's level, the servers in service the day before, installed, failed, retired, and in service at the end,
     * each with its capacity in {@code unit}.
     *
     * @param bySku most in service at the range's end first
     * @param byMonth in date order; each month's key is {@code YYYY-MM} and covers its days inside the range
     * @param byMember per region, site or cluster of {@code breakdown.level}, largest capacity at the range's end
     *     first; empty when that level is the service
     */
    public record SupplyChangesView(List<SupplyChange> bySku, List<SupplyChange> byMonth, List<SupplyChange> byMember) {
        public SupplyChangesView {
            bySku = List.copyOf(requireNonNull(bySku, "bySku is null"));
            byMonth = List.copyOf(requireNonNull(byMonth, "byMonth is null"));
            byMember = List.copyOf(requireNonNull(byMember, "byMember is null"));
        }
    }

    /**
     * The scope: its deepest level ({@code fleet}, {@code region}, {@code site}, {@code cluster} or {@code service})
     * and the names along the path; {@code null} for levels not named.
     */
    public record ScopeView(
            String level,
            @Nullable String region,
            @Nullable String site,
            @Nullable String cluster,
            @Nullable String service) {
        public ScopeView {
            requireNonNull(level, "level is null");
        }

        static ScopeView of(FleetScope scope) {
            return new ScopeView(scope.level().code(), scope.region(), scope.site(), scope.cluster(), scope.service());
        }
    }

    /**
     * The scope's totals. Servers and capacities are {@code null} when the scope names a service.
     *
     * @param servers servers in service on {@code to}
     * @param cores their CPU cores
     * @param memoryGib their memory, GiB
     * @param storageTb their storage, TB
     * @param capacity their capacity of the chosen resource, in {@code unit}
     * @param used average daily usage over the range, in {@code unit}; {@code null} without usage rows
     * @param allocated average daily allocation over the range, in {@code unit}; {@code null} without allocations
     * @param usageDays the days of the range that have usage rows
     */
    public record TotalsView(
            @Nullable Long servers,
            @Nullable Long cores,
            @Nullable Double memoryGib,
            @Nullable Double storageTb,
            @Nullable Double capacity,
            @Nullable Double used,
            @Nullable Double allocated,
            long usageDays) {
        static TotalsView of(FleetOverview overview) {
            UsageAverages usage = overview.figures().usage();
            @Nullable ServerTotals servers = overview.servers().orElse(null);
            if (servers == null) {
                return new TotalsView(null, null, null, null, null, usage.used(), usage.allocated(), usage.days());
            }
            return new TotalsView(
                    servers.servers(),
                    servers.cores(),
                    servers.memoryGib(),
                    servers.storageTb(),
                    servers.capacity(overview.resource()),
                    usage.used(),
                    usage.allocated(),
                    usage.days());
        }
    }

    /**
     * The next drill level, its members largest first.
     *
     * @param level {@code region}, {@code site}, {@code cluster} or {@code service}; {@code null} at the service
     *     level, which has no level below it (then {@code rows} is empty)
     */
    public record BreakdownView(@Nullable String level, List<BreakdownRowView> rows) {
        public BreakdownView {
            rows = List.copyOf(requireNonNull(rows, "rows is null"));
        }
    }

    /**
     * One member of the breakdown: servers and capacity on {@code to} ({@code null} for services, which own no
     * servers), average usage and allocation over the range ({@code null} without data).
     */
    public record BreakdownRowView(
            String key,
            @Nullable Long servers,
            @Nullable Double capacity,
            @Nullable Double used,
            @Nullable Double allocated) {
        public BreakdownRowView {
            requireNonNull(key, "key is null");
        }

        static BreakdownRowView of(BreakdownRow row) {
            return new BreakdownRowView(row.key(), row.servers(), row.capacity(), row.used(), row.allocated());
        }
    }

    /** Servers of one SKU in service on {@code to}, and their capacity. */
    public record SkuView(String sku, String kind, long servers, long cores, double memoryGib, double storageTb) {
        public SkuView {
            requireNonNull(sku, "sku is null");
            requireNonNull(kind, "kind is null");
        }

        static SkuView of(SkuCapacity sku) {
            return new SkuView(sku.sku(), sku.kind(), sku.servers(), sku.cores(), sku.memoryGib(), sku.storageTb());
        }
    }

    /** One day of the timeline, in {@code unit}: capacity ({@code null} for a service), allocated and used. */
    public record PointView(
            LocalDate date,
            @Nullable Double capacity,
            @Nullable Double allocated,
            @Nullable Double used) {
        public PointView {
            requireNonNull(date, "date is null");
        }

        static PointView of(TimelinePoint point) {
            return new PointView(point.date(), point.capacity(), point.allocated(), point.used());
        }
    }
}
