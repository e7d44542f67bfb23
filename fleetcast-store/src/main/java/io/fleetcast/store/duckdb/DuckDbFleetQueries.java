package io.fleetcast.store.duckdb;

import static io.fleetcast.store.duckdb.UsageRollup.exact;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.FleetQueries;
import io.fleetcast.store.fleet.BreakdownRow;
import io.fleetcast.store.fleet.ClusterPlacement;
import io.fleetcast.store.fleet.DataSpan;
import io.fleetcast.store.fleet.FleetLevel;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.fleet.FleetTopology;
import io.fleetcast.store.fleet.OverviewFigures;
import io.fleetcast.store.fleet.OverviewQuery;
import io.fleetcast.store.fleet.ServerTotals;
import io.fleetcast.store.fleet.SkuCapacity;
import io.fleetcast.store.fleet.SupplyChange;
import io.fleetcast.store.fleet.TimelinePoint;
import io.fleetcast.store.fleet.UsageAverages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link FleetQueries} on the DuckDB store.
 *
 * <p>Capacity per day is computed from events, not by expanding every asset over every day: each asset adds its
 * capacity on the day it enters service (or the range's first day, if earlier) and removes it on the day it fails or
 * retires; a running sum over the range's days gives the capacity of each day. The cost grows with assets plus days,
 * not assets times days.
 *
 * <p>Sums are taken over decimals (see {@link UsageRollup#exact}) and returned as doubles. Usage above the service
 * level is read from the clusters' daily rollup ({@link UsageRollup}), which holds the same sums in far fewer rows.
 *
 * <p>Dates and resource codes are written into the SQL as literals: they come from typed values ({@link LocalDate},
 * {@link Resource}), never from users' text. Names (regions, sites, clusters, services) are always bound parameters.
 */
public final class DuckDbFleetQueries implements FleetQueries {
    /** When an asset leaves service: it fails or retires (at most one of the two is set); never, if neither is. */
    private static final String LEAVE_DAY = "coalesce(a.failure_date, a.retire_date)";

    private final DuckDbStore store;

    public DuckDbFleetQueries(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public Optional<DataSpan> dataSpan() {
        String sql = "SELECT least(coalesce((SELECT min(install_date) FROM assets), DATE '9999-12-31'),"
                + " coalesce((SELECT CAST(min(ts) AS DATE) FROM usage), DATE '9999-12-31')) AS first_day,"
                + " (SELECT as_of FROM fleet_as_of) AS as_of"
                + " WHERE EXISTS (SELECT 1 FROM assets) OR EXISTS (SELECT 1 FROM usage)";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DataSpan(date(rs, 1), date(rs, 2)));
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the fleet's data span failed: " + e.getMessage(), e);
        }
    }

    @Override
    public FleetTopology topology() {
        try (Connection connection = store.newConnection()) {
            ImmutableList.Builder<ClusterPlacement> clusters = ImmutableList.builder();
            try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT cluster, site, region FROM clusters ORDER BY region, site, cluster");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    clusters.add(new ClusterPlacement(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            ImmutableList.Builder<String> services = ImmutableList.builder();
            try (PreparedStatement statement =
                            connection.prepareStatement("SELECT DISTINCT service FROM services ORDER BY service");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    services.add(rs.getString(1));
                }
            }
            return new FleetTopology(clusters.build(), services.build());
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the fleet's topology failed: " + e.getMessage(), e);
        }
    }

    @Override
    public OverviewFigures overview(OverviewQuery query) {
        requireNonNull(query, "query is null");
        try (Connection connection = store.newConnection()) {
            // One transaction: every figure comes from the same snapshot, even while a load commits.
            connection.setAutoCommit(false);
            try {
                FleetScope scope = query.scope();
                @Nullable ServerTotals servers = scope.hasServers() ? serverTotals(connection, query) : null;
                List<SkuCapacity> bySku = scope.hasServers() ? bySku(connection, query) : List.of();
                Optional<FleetLevel> level = scope.breakdownLevel();
                List<BreakdownRow> breakdown =
                        level.isPresent() ? breakdown(connection, query, level.orElseThrow()) : List.of();
                SupplyChanges changes = scope.hasServers()
                        ? supplyChanges(connection, query, level.filter(next -> next != FleetLevel.SERVICE))
                        : SupplyChanges.NONE;
                return new OverviewFigures(
                        servers,
                        usageAverages(connection, query),
                        breakdown,
                        bySku,
                        timeline(connection, query),
                        changes.bySku(),
                        changes.byMonth(),
                        changes.byMember());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the fleet overview failed: " + e.getMessage(), e);
        }
    }

    private static ServerTotals serverTotals(Connection connection, OverviewQuery query) throws SQLException {
        Sql sql = new Sql("SELECT count(*), CAST(coalesce(sum(s.cores), 0) AS BIGINT), CAST(coalesce(sum("
                        + exact("s.memory_gib") + "), 0) AS DOUBLE), CAST(coalesce(sum(" + exact("s.storage_tb")
                        + "), 0) AS DOUBLE) FROM assets a JOIN skus s ON s.sku = a.sku WHERE ")
                .append(inService(query.to()))
                .append(assetScope(query.scope()));
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new ServerTotals(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4));
        }
    }

    private static List<SkuCapacity> bySku(Connection connection, OverviewQuery query) throws SQLException {
        Sql sql = new Sql("SELECT a.sku, min(s.kind), count(*) AS servers, CAST(sum(s.cores) AS BIGINT), CAST(sum("
                        + exact("s.memory_gib") + ") AS DOUBLE), CAST(sum(" + exact("s.storage_tb") + ") AS DOUBLE)"
                        + " FROM assets a JOIN skus s ON s.sku = a.sku WHERE ")
                .append(inService(query.to()))
                .append(assetScope(query.scope()))
                .append(" GROUP BY a.sku ORDER BY servers DESC, a.sku");
        ImmutableList.Builder<SkuCapacity> rows = ImmutableList.builder();
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new SkuCapacity(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getDouble(5),
                        rs.getDouble(6)));
            }
        }
        return rows.build();
    }

    /** How the scope's servers changed over the range, per SKU, per calendar month and per member of the next level. */
    private record SupplyChanges(List<SupplyChange> bySku, List<SupplyChange> byMonth, List<SupplyChange> byMember) {
        static final SupplyChanges NONE = new SupplyChanges(List.of(), List.of(), List.of());
    }

    /**
     * The servers in service on some day of the range, counted in one pass by SKU, the month they were installed in
     * (none: before the range), the month they left service in and how (none: still in service on its last day), and
     * the member of {@code level} they are in. A capacity is the count times the SKU's capacity per server, summed in a
     * fixed order, so the same data gives the same figures on every run.
     */
    private static SupplyChanges supplyChanges(Connection connection, OverviewQuery query, Optional<FleetLevel> level)
            throws SQLException {
        String from = SqlLiterals.date(query.from());
        String to = SqlLiterals.date(query.to());
        String monthOf = "CAST(date_trunc('month', %s) AS DATE)";
        String installedIn =
                "CASE WHEN a.install_date >= " + from + " THEN " + monthOf.formatted("a.install_date") + " END";
        String leftIn = "CASE WHEN " + LEAVE_DAY + " <= " + to + " THEN " + monthOf.formatted(LEAVE_DAY) + " END";
        String memberColumn = level.isPresent() ? "a." + assetColumn(level.orElseThrow()) : "NULL";
        Sql sql = new Sql("WITH counted AS (SELECT a.sku, " + installedIn + " AS installed, " + leftIn
                        + " AS left_in, a.failure_date IS NOT NULL AS failed, " + memberColumn
                        + " AS member, count(*) AS servers FROM assets a"
                        + " WHERE a.install_date <= " + to + " AND coalesce(" + LEAVE_DAY + ", DATE '9999-12-31') >= "
                        + from)
                .append(assetScope(query.scope()))
                .append(" GROUP BY ALL) SELECT c.sku, c.installed, c.left_in, c.failed, c.servers, CAST("
                        + capacityColumn(query.resource()) + " AS DOUBLE), c.member FROM counted c"
                        + " JOIN skus s ON s.sku = c.sku ORDER BY ALL");
        Map<String, Flows> bySku = new TreeMap<>();
        Map<String, Flows> byMember = new TreeMap<>();
        Map<YearMonth, Flows> byMonth = new TreeMap<>();
        SupplyChange.Servers beforeTheRange = SupplyChange.Servers.NONE;
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                @Nullable LocalDate installed = rs.getObject(2, LocalDate.class);
                @Nullable LocalDate left = rs.getObject(3, LocalDate.class);
                boolean failed = rs.getBoolean(4);
                long count = rs.getLong(5);
                SupplyChange.Servers servers = new SupplyChange.Servers(count, count * rs.getDouble(6));
                bySku.computeIfAbsent(rs.getString(1), name -> new Flows()).count(installed, left, failed, servers);
                @Nullable String member = rs.getString(7);
                if (member != null) {
                    byMember.computeIfAbsent(member, name -> new Flows()).count(installed, left, failed, servers);
                }
                if (installed == null) {
                    beforeTheRange = beforeTheRange.plus(servers);
                } else {
                    Flows month = byMonth.computeIfAbsent(YearMonth.from(installed), key -> new Flows());
                    month.installed = month.installed.plus(servers);
                }
                if (left != null) {
                    Flows month = byMonth.computeIfAbsent(YearMonth.from(left), key -> new Flows());
                    if (failed) {
                        month.failed = month.failed.plus(servers);
                    } else {
                        month.retired = month.retired.plus(servers);
                    }
                }
            }
        }
        ImmutableList.Builder<SupplyChange> months = ImmutableList.builder();
        SupplyChange.Servers opening = beforeTheRange;
        for (YearMonth month = YearMonth.from(query.from());
                !month.isAfter(YearMonth.from(query.to()));
                month = month.plusMonths(1)) {
            Flows flows = byMonth.getOrDefault(month, new Flows());
            SupplyChange change =
                    SupplyChange.of(month.toString(), opening, flows.installed, flows.failed, flows.retired);
            months.add(change);
            opening = change.closing();
        }
        // SKUs as the servers-by-SKU table, members as the breakdown: by servers or capacity at the end.
        return new SupplyChanges(
                sorted(
                        bySku,
                        Comparator.comparingLong(change -> -change.closing().servers())),
                months.build(),
                sorted(
                        byMember,
                        Comparator.comparingDouble(change -> -change.closing().capacity())));
    }

    /** One change per key, in {@code order}, then by key. */
    private static List<SupplyChange> sorted(Map<String, Flows> byKey, Comparator<SupplyChange> order) {
        List<SupplyChange> changes = new ArrayList<>();
        byKey.forEach((key, flows) -> changes.add(
                new SupplyChange(key, flows.opening, flows.installed, flows.failed, flows.retired, flows.closing)));
        changes.sort(order.thenComparing(SupplyChange::key));
        return ImmutableList.copyOf(changes);
    }

    /** Servers counted into the flows of one SKU, month or member. */
    private static final class Flows {
        SupplyChange.Servers opening = SupplyChange.Servers.NONE;
        SupplyChange.Servers installed = SupplyChange.Servers.NONE;
        SupplyChange.Servers failed = SupplyChange.Servers.NONE;
        SupplyChange.Servers retired = SupplyChange.Servers.NONE;
        SupplyChange.Servers closing = SupplyChange.Servers.NONE;

        /**
         * Counts servers installed in the range ({@code installed} not null) or before it, and that left it
         * ({@code left} not null, failed or retired) or are in service on its last day.
         */
        void count(
                @Nullable LocalDate installed, @Nullable LocalDate left, boolean failed, SupplyChange.Servers servers) {
            if (installed == null) {
                opening = opening.plus(servers);
            } else {
                this.installed = this.installed.plus(servers);
            }
            if (left == null) {
                closing = closing.plus(servers);
            } else if (failed) {
                this.failed = this.failed.plus(servers);
            } else {
                retired = retired.plus(servers);
            }
        }
    }

    private static UsageAverages usageAverages(Connection connection, OverviewQuery query) throws SQLException {
        Sql sql = new Sql("SELECT count(*), avg(used), avg(allocated) FROM (")
                .append(dailyUsage(query, null))
                .append(")");
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            long days = rs.getLong(1);
            return days == 0
                    ? UsageAverages.NONE
                    : new UsageAverages(nullableDouble(rs, 2), nullableDouble(rs, 3), days);
        }
    }

    private static List<BreakdownRow> breakdown(Connection connection, OverviewQuery query, FleetLevel level)
            throws SQLException {
        Sql usage = new Sql("SELECT key, avg(used) AS used, avg(allocated) AS allocated FROM (")
                .append(dailyUsage(query, level))
                .append(") GROUP BY key");
        Sql sql;
        boolean withServers = level != FleetLevel.SERVICE;
        if (withServers) {
            sql = new Sql("WITH capacity AS (SELECT a.")
                    .append(assetColumn(level))
                    .append(" AS key, count(*) AS servers, CAST(sum(")
                    .append(capacityColumn(query.resource()))
                    .append(") AS DOUBLE) AS capacity FROM assets a JOIN skus s ON s.sku = a.sku WHERE ")
                    .append(inService(query.to()))
                    .append(assetScope(query.scope()))
                    .append(" GROUP BY 1), usage_average AS (")
                    .append(usage)
                    .append(") SELECT coalesce(c.key, u.key) AS key, coalesce(c.servers, 0), coalesce(c.capacity, 0),"
                            + " u.used, u.allocated FROM capacity c FULL OUTER JOIN usage_average u ON c.key = u.key"
                            + " ORDER BY 3 DESC, 4 DESC NULLS LAST, 1");
        } else {
            sql = new Sql("SELECT key, NULL, NULL, used, allocated FROM (")
                    .append(usage)
                    .append(") ORDER BY used DESC NULLS LAST, key");
        }
        ImmutableList.Builder<BreakdownRow> rows = ImmutableList.builder();
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new BreakdownRow(
                        rs.getString(1),
                        withServers ? rs.getLong(2) : null,
                        withServers ? rs.getDouble(3) : null,
                        nullableDouble(rs, 4),
                        nullableDouble(rs, 5)));
            }
        }
        return rows.build();
    }

    private static List<TimelinePoint> timeline(Connection connection, OverviewQuery query) throws SQLException {
        boolean withCapacity = query.scope().hasServers();
        Sql sql = new Sql("WITH days AS (SELECT CAST(day AS DATE) AS day FROM generate_series(")
                .append(SqlLiterals.date(query.from()))
                .append(", ")
                .append(SqlLiterals.date(query.to()))
                .append(", INTERVAL 1 DAY) AS t(day)), usage_by_day AS (")
                .append(dailyUsage(query, null))
                .append(")");
        if (withCapacity) {
            // Each asset in service at some point of the range contributes +capacity on the day it enters the range
            // and -capacity on the day it leaves service, if that is inside the range.
            sql.append(", scoped AS (SELECT greatest(a.install_date, ")
                    .append(SqlLiterals.date(query.from()))
                    .append(") AS enter_day, ")
                    .append(LEAVE_DAY)
                    .append(" AS leave_day, ")
                    .append(capacityColumn(query.resource()))
                    .append(" AS capacity FROM assets a JOIN skus s ON s.sku = a.sku WHERE a.install_date <= ")
                    .append(SqlLiterals.date(query.to()))
                    .append(" AND coalesce(" + LEAVE_DAY + ", DATE '9999-12-31') > ")
                    .append(SqlLiterals.date(query.from()))
                    .append(assetScope(query.scope()))
                    .append("), deltas AS (SELECT enter_day AS day, sum(capacity) AS delta FROM scoped GROUP BY 1"
                            + " UNION ALL SELECT leave_day, -sum(capacity) FROM scoped WHERE leave_day <= ")
                    .append(SqlLiterals.date(query.to()))
                    .append(" GROUP BY 1), delta_by_day AS (SELECT day, sum(delta) AS delta FROM deltas GROUP BY day)"
                            + " SELECT d.day, CAST(sum(coalesce(c.delta, 0)) OVER (ORDER BY d.day ROWS UNBOUNDED"
                            + " PRECEDING) AS DOUBLE), CAST(u.allocated AS DOUBLE), CAST(u.used AS DOUBLE)"
                            + " FROM days d LEFT JOIN delta_by_day c ON c.day = d.day");
        } else {
            sql.append(" SELECT d.day, NULL, CAST(u.allocated AS DOUBLE), CAST(u.used AS DOUBLE) FROM days d");
        }
        sql.append(" LEFT JOIN usage_by_day u ON u.day = d.day ORDER BY d.day");
        ImmutableList.Builder<TimelinePoint> points = ImmutableList.builder();
        try (PreparedStatement statement = sql.prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                points.add(new TimelinePoint(
                        date(rs, 1),
                        withCapacity ? rs.getDouble(2) : null,
                        nullableDouble(rs, 3),
                        nullableDouble(rs, 4)));
            }
        }
        return points.build();
    }

    /**
     * Daily usage rows of the query's resource inside its range and scope, summed per day (and per member of
     * {@code level}, when given): columns {@code [key,] day, used, allocated}.
     */
    private static Sql dailyUsage(OverviewQuery query, @Nullable FleetLevel level) {
        FleetScope scope = query.scope();
        // Usage rows know their cluster only; a region or site comes from the cluster's placement, joined when needed.
        boolean placed = level == FleetLevel.REGION
                || level == FleetLevel.SITE
                || scope.region() != null
                || scope.site() != null;
        // Above the service, the clusters' daily rollup holds the same sums as the rows, in a fraction of the rows.
        boolean rollup = level != FleetLevel.SERVICE && scope.service() == null;
        Sql sql = new Sql("SELECT ");
        if (level != null) {
            sql.append(usageColumn(level)).append(" AS key, ");
        }
        if (rollup) {
            sql.append("u.day AS day, sum(u.used) AS used, sum(u.allocated) AS allocated FROM usage_cluster_day u")
                    .append(placed ? " JOIN clusters c ON c.cluster = u.cluster" : "")
                    .append(" WHERE u.resource = '")
                    .append(query.resource().code())
                    .append("' AND u.day >= ")
                    .append(SqlLiterals.date(query.from()))
                    .append(" AND u.day <= ")
                    .append(SqlLiterals.date(query.to()));
        } else {
            sql.append("CAST(u.ts AS DATE) AS day, sum(" + exact("u.used") + ") AS used, sum(" + exact("u.allocated")
                            + ") AS allocated FROM usage u")
                    .append(placed ? " JOIN clusters c ON c.cluster = u.cluster" : "")
                    .append(" WHERE u.grain = 'day' AND u.resource = '")
                    .append(query.resource().code())
                    .append("' AND u.ts >= CAST(")
                    .append(SqlLiterals.date(query.from()))
                    .append(" AS TIMESTAMPTZ) AND u.ts < CAST(")
                    .append(SqlLiterals.date(query.to().plusDays(1)))
                    .append(" AS TIMESTAMPTZ)");
        }
        sql.bindIf(" AND c.region = ?", scope.region())
                .bindIf(" AND c.site = ?", scope.site())
                .bindIf(" AND u.cluster = ?", scope.cluster())
                .bindIf(" AND u.service = ?", scope.service());
        return sql.append(level != null ? " GROUP BY key, day" : " GROUP BY day");
    }

    /** The assets in service on {@code day}. */
    private static Sql inService(LocalDate day) {
        return new Sql("a.install_date <= ")
                .append(SqlLiterals.date(day))
                .append(" AND coalesce(" + LEAVE_DAY + ", DATE '9999-12-31') > ")
                .append(SqlLiterals.date(day));
    }

    /** The conditions that keep assets inside {@code scope}'s region, site and cluster; a service does not apply. */
    private static Sql assetScope(FleetScope scope) {
        return new Sql("")
                .bindIf(" AND a.region = ?", scope.region())
                .bindIf(" AND a.site = ?", scope.site())
                .bindIf(" AND a.cluster = ?", scope.cluster());
    }

    private static String assetColumn(FleetLevel level) {
        return switch (level) {
            case REGION -> "region";
            case SITE -> "site";
            case CLUSTER -> "cluster";
            case FLEET, SERVICE -> throw new IllegalArgumentException("assets have no " + level.code() + " column");
        };
    }

    private static String usageColumn(FleetLevel level) {
        return switch (level) {
            case REGION -> "c.region";
            case SITE -> "c.site";
            case CLUSTER -> "u.cluster";
            case SERVICE -> "u.service";
            case FLEET -> throw new IllegalArgumentException("usage has no fleet column");
        };
    }

    private static String capacityColumn(Resource resource) {
        return switch (resource) {
            case CPU -> exact("s.cores");
            case MEMORY -> exact("s.memory_gib");
            case STORAGE -> exact("s.storage_tb");
        };
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        LocalDate value = rs.getObject(column, LocalDate.class);
        if (value == null) {
            throw new SQLException("column " + column + " is NULL");
        }
        return value;
    }

    private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** SQL text with its bound parameters, in the order they appear. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<String> parameters = new ArrayList<>();

        Sql(String text) {
            this.text = new StringBuilder(text);
        }

        Sql append(String more) {
            text.append(more);
            return this;
        }

        Sql append(Sql more) {
            text.append(more.text);
            parameters.addAll(more.parameters);
            return this;
        }

        /** Appends {@code condition} (with one {@code ?}) bound to {@code value}, when there is a value. */
        Sql bindIf(String condition, @Nullable String value) {
            if (value != null) {
                text.append(condition);
                parameters.add(value);
            }
            return this;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(text.toString());
            try {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setString(i + 1, parameters.get(i));
                }
                return statement;
            } catch (SQLException e) {
                statement.close();
                throw e;
            }
        }
    }
}
