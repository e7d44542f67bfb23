package io.fleetcast.store.duckdb;

import static io.fleetcast.store.duckdb.UsageRollup.exact;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.UtilizationQueries;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.utilization.ClusterUtilization;
import io.fleetcast.store.utilization.DailyPercentiles;
import io.fleetcast.store.utilization.HostShape;
import io.fleetcast.store.utilization.ServiceUtilization;
import io.fleetcast.store.utilization.SkuPrice;
import io.fleetcast.store.utilization.UtilizationFigures;
import io.fleetcast.store.utilization.UtilizationQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link UtilizationQueries} on the DuckDB store.
 *
 * <p>One statement: it takes each service's statistics from {@code usage_service_recent} when the window is the
 * recent one kept at each load, else filters the usage rows of the window (grain, window, scope) and aggregates each
 * service's rows directly (they are already one per day); takes each cluster's percentiles from the clusters' daily
 * rollup ({@code usage_cluster_day}, see {@link UsageRollup}) rather than summing the rows again; and joins the few
 * resulting rows with the clusters' supply, which is grouped per cluster before the join. Nothing is joined row by
 * row with the usage table.
 *
 * <p>Sums are taken over decimals, so the same data gives the same bytes whatever order parallel aggregation adds in.
 * Dates are written into the SQL as literals from {@link LocalDate} values; names are always bound parameters.
 */
public final class DuckDbUtilizationQueries implements UtilizationQueries {
    private final DuckDbStore store;

    public DuckDbUtilizationQueries(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public Optional<LocalDate> lastUsageDay() {
        // The rollup holds a row for every day with daily usage, in a fraction of the rows.
        String sql = "SELECT max(day) FROM usage_cluster_day";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, LocalDate.class));
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the last day of usage failed: " + e.getMessage(), e);
        }
    }

    @Override
    public UtilizationFigures utilization(UtilizationQuery query) {
        requireNonNull(query, "query is null");
        try (Connection connection = store.newConnection()) {
            // One transaction: every figure comes from the same snapshot, even while a load commits.
            connection.setAutoCommit(false);
            try {
                ImmutableList.Builder<ServiceUtilization> services = ImmutableList.builder();
                ImmutableList.Builder<ClusterUtilization> clusters = ImmutableList.builder();
                readUsage(connection, query, services, clusters);
                return new UtilizationFigures(
                        query, services.build(), clusters.build(), hostShapes(connection, query), skus(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the fleet's utilization failed: " + e.getMessage(), e);
        }
    }

    private static void readUsage(
            Connection connection,
            UtilizationQuery query,
            ImmutableList.Builder<ServiceUtilization> services,
            ImmutableList.Builder<ClusterUtilization> clusters)
            throws SQLException {
        FleetScope scope = query.scope();
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH service_stats AS (");
        if (isRecentWindow(connection, query)) {
            // The statistics of the recent window, kept at each load.
            sql.append("SELECT service, cluster, resource, days, used_q, used_max, allocated_q, allocated_max,"
                    + " allocated_last FROM usage_service_recent WHERE TRUE");
            sql.append(clustersInScope("cluster", scope, parameters));
        } else {
            sql.append("SELECT w.service, w.cluster, w.resource, ")
                    .append(UsageRollup.SERVICE_STATISTICS)
                    .append(" FROM (SELECT u.service, u.cluster, u.resource, CAST(u.ts AS DATE) AS day, u.used,"
                            + " u.allocated FROM usage u WHERE u.grain = 'day' AND u.ts >= CAST(")
                    .append(SqlLiterals.date(query.from()))
                    .append(" AS TIMESTAMPTZ) AND u.ts < CAST(")
                    .append(SqlLiterals.date(query.to().plusDays(1)))
                    .append(" AS TIMESTAMPTZ)");
            sql.append(clustersInScope("u.cluster", scope, parameters));
            sql.append(") w GROUP BY w.service, w.cluster, w.resource");
        }
        // A cluster's days come from the clusters' daily rollup: the same sums as the rows, without reading them.
        sql.append("), cluster_days AS (SELECT cluster, resource, day, CAST(used AS DOUBLE) AS used,"
                        + " CAST(allocated AS DOUBLE) AS allocated FROM usage_cluster_day WHERE day >= ")
                .append(SqlLiterals.date(query.from()))
                .append(" AND day <= ")
                .append(SqlLiterals.date(query.to()));
        sql.append(clustersInScope("cluster", scope, parameters));
        sql.append("), cluster_usage AS (SELECT cluster, resource, count(*) AS days,"
                        + " quantile_cont(used, [0.5, 0.95]) AS used_q, max(used) AS used_max,"
                        + " quantile_cont(allocated, [0.5, 0.95]) AS allocated_q, max(allocated) AS allocated_max"
                        + " FROM cluster_days GROUP BY cluster, resource),"
                        + " supply AS (SELECT a.cluster, CAST(sum(s.cores) AS DOUBLE) AS cpu, CAST(sum(")
                .append(exact("s.memory_gib"))
                .append(") AS DOUBLE) AS memory, CAST(sum(")
                .append(exact("s.storage_tb"))
                .append(") AS DOUBLE) AS storage FROM assets a JOIN skus s ON s.sku = a.sku WHERE ")
                .append(inService(query.to()))
                .append(placementFilter(scope, "a.", parameters))
                .append(" GROUP BY a.cluster),"
                        + " kept AS (SELECT cluster FROM supply UNION SELECT cluster FROM cluster_usage),"
                        + " resources AS (SELECT * FROM (VALUES ('cpu'), ('memory'), ('storage')) AS r(resource))"
                        + " SELECT 0 AS part, w.service, w.cluster, NULL AS site, NULL AS region, w.resource,"
                        + " NULL AS supply, w.days, w.used_q, w.used_max, w.allocated_q, w.allocated_max,"
                        + " w.allocated_last FROM service_stats w WHERE TRUE");
        bindIf(sql, " AND w.service = ?", scope.service(), parameters);
        sql.append(" UNION ALL SELECT 1, NULL, c.cluster, c.site, c.region, r.resource,"
                + " coalesce(CASE r.resource WHEN 'cpu' THEN s.cpu WHEN 'memory' THEN s.memory ELSE s.storage END, 0),"
                + " coalesce(u.days, 0), u.used_q, u.used_max, u.allocated_q, u.allocated_max, NULL"
                + " FROM kept k JOIN clusters c ON c.cluster = k.cluster CROSS JOIN resources r"
                + " LEFT JOIN supply s ON s.cluster = k.cluster"
                + " LEFT JOIN cluster_usage u ON u.cluster = k.cluster AND u.resource = r.resource WHERE TRUE");
        bindIf(
                sql,
                " AND k.cluster IN (SELECT cluster FROM service_stats WHERE service = ?)",
                scope.service(),
                parameters);
        sql.append(" ORDER BY part, region, site, cluster, service, resource");
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Resource resource = resource(rs.getString(6));
                long days = rs.getLong(8);
                @Nullable DailyPercentiles used = percentiles(rs, 9, 10);
                @Nullable DailyPercentiles allocated = percentiles(rs, 11, 12);
                if (rs.getInt(1) == 0) {
                    services.add(new ServiceUtilization(
                            rs.getString(2),
                            rs.getString(3),
                            resource,
                            days,
                            requireNonNull(used, "a service row without used"),
                            allocated,
                            nullableDouble(rs, 13)));
                } else {
                    clusters.add(new ClusterUtilization(
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            resource,
                            rs.getDouble(7),
                            days,
                            used,
                            allocated));
                }
            }
        }
    }

    /** Whether {@code query}'s window is the recent one whose service statistics are kept at each load. */
    private static boolean isRecentWindow(Connection connection, UtilizationQuery query) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT window_from, window_to FROM usage_service_recent LIMIT 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next()
                    && query.from().equals(rs.getObject(1, LocalDate.class))
                    && query.to().equals(rs.getObject(2, LocalDate.class));
        }
    }

    private static ImmutableList<HostShape> hostShapes(Connection connection, UtilizationQuery query)
            throws SQLException {
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                        "SELECT a.cluster, a.sku, count(*), CAST(sum(s.cores) AS BIGINT)," + " CAST(sum(")
                .append(exact("s.memory_gib"))
                .append(") AS DOUBLE), CAST(sum(")
                .append(exact("s.storage_tb"))
                .append(") AS DOUBLE) FROM assets a JOIN skus s ON s.sku = a.sku WHERE ")
                .append(inService(query.to()))
                .append(placementFilter(query.scope(), "a.", parameters));
        bindIf(
                sql,
                " AND a.cluster IN (SELECT DISTINCT cluster FROM usage WHERE grain = 'day' AND service = ? AND ts >= "
                        + "CAST(" + SqlLiterals.date(query.from()) + " AS TIMESTAMPTZ) AND ts < CAST("
                        + SqlLiterals.date(query.to().plusDays(1)) + " AS TIMESTAMPTZ))",
                query.scope().service(),
                parameters);
        sql.append(" GROUP BY a.cluster, a.sku ORDER BY a.cluster, a.sku");
        ImmutableList.Builder<HostShape> rows = ImmutableList.builder();
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new HostShape(
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

    /** The SKU catalog, by SKU. */
    static ImmutableList<SkuPrice> skus(Connection connection) throws SQLException {
        String sql = "SELECT sku, kind, cores, memory_gib, storage_tb, price_usd, hourly_usd, power_watts,"
                + " depreciation_months FROM skus ORDER BY sku";
        ImmutableList.Builder<SkuPrice> rows = ImmutableList.builder();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long depreciationMonths = rs.getLong(9);
                rows.add(new SkuPrice(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        decimal(rs, 6),
                        decimal(rs, 7),
                        nullableDouble(rs, 8),
                        rs.wasNull() ? null : depreciationMonths));
            }
        }
        return rows.build();
    }

    /** The conditions that keep rows of {@code prefix}'s table under the scope's region, site and cluster. */
    private static String placementFilter(FleetScope scope, String prefix, List<String> parameters) {
        StringBuilder sql = new StringBuilder();
        bindIf(sql, " AND " + prefix + "region = ?", scope.region(), parameters);
        bindIf(sql, " AND " + prefix + "site = ?", scope.site(), parameters);
        bindIf(sql, " AND " + prefix + "cluster = ?", scope.cluster(), parameters);
        return sql.toString();
    }

    /** The condition that keeps {@code column}'s clusters inside {@code scope}'s region, site and cluster. */
    private static String clustersInScope(String column, FleetScope scope, List<String> parameters) {
        if (scope.region() == null && scope.site() == null && scope.cluster() == null) {
            return "";
        }
        return " AND " + column + " IN (SELECT cluster FROM clusters WHERE TRUE"
                + placementFilter(scope, "", parameters) + ")";
    }

    /** Appends {@code condition} (with one {@code ?}) and binds it to {@code value}, when there is a value. */
    private static void bindIf(StringBuilder sql, String condition, @Nullable String value, List<String> parameters) {
        if (value != null) {
            sql.append(condition);
            parameters.add(value);
        }
    }

    private static PreparedStatement prepare(Connection connection, CharSequence sql, List<String> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
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

    /** The assets in service on {@code day}: installed on or before it, neither failed nor retired on or before it. */
    private static String inService(LocalDate day) {
        return "a.install_date <= " + SqlLiterals.date(day) + " AND coalesce(a.failure_date, a.retire_date, DATE"
                + " '9999-12-31') > " + SqlLiterals.date(day);
    }

    /** Percentiles from a {@code [p50, p95]} list column and a max column; {@code null} when they are NULL. */
    private static @Nullable DailyPercentiles percentiles(ResultSet rs, int quantilesColumn, int maxColumn)
            throws SQLException {
        double max = rs.getDouble(maxColumn);
        if (rs.wasNull()) {
            return null;
        }
        Object[] quantiles = (Object[]) rs.getArray(quantilesColumn).getArray();
        // Interpolation can land an ulp above its upper neighbour; the order p50 <= p95 <= max holds exactly.
        double p95 = Math.min(((Number) quantiles[1]).doubleValue(), max);
        return new DailyPercentiles(Math.min(((Number) quantiles[0]).doubleValue(), p95), p95, max);
    }

    private static Resource resource(String code) throws SQLException {
        Optional<Resource> resource = Resource.parse(code);
        if (resource.isEmpty()) {
            throw new SQLException("unknown resource \"" + code + "\" in the usage table");
        }
        return resource.orElseThrow();
    }

    private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column);
    }
}
