package io.fleetcast.store.duckdb;

import io.fleetcast.store.UtilizationQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The usage rollups, kept so that dashboards need not aggregate tens of millions of usage rows per request:
 *
 * <ul>
 *   <li>{@code usage_cluster_day}: each cluster's daily usage per resource, the daily-grain usage rows summed over its
 *       services as exact decimals (so a sum over the rollup equals the same sum over the rows, to the digit);
 *   <li>{@code usage_service_recent}: each service's statistics per cluster and resource ({@link #SERVICE_STATISTICS})
 *       over the last {@value UtilizationQueries#RECENT_WINDOW_DAYS} days of daily usage, the window the utilization
 *       views default to.
 * </ul>
 *
 * The loader rebuilds both inside every usage load's transaction (a load may replace or reject rows anywhere, and a
 * rebuild is two aggregates: about a second for 13 million rows); the migrations that create them build them from the
 * usage stored before.
 */
final class UsageRollup {
    /** The migration that creates {@code usage_cluster_day}. */
    static final String CLUSTER_DAYS = "V8__usage_rollup.sql";

    /** The migration that creates {@code usage_service_recent}. */
    static final String RECENT_SERVICES = "V9__recent_service_usage.sql";

    /**
     * A service's statistics over the rows of {@code w} (columns service, cluster, resource, day, used, allocated),
     * grouped by service, cluster and resource: days, used P50 and P95 (a list), used max, the same of allocated, and
     * the allocation of its last day.
     */
    static final String SERVICE_STATISTICS = "count(*) AS days, quantile_cont(w.used, [0.5, 0.95]) AS used_q,"
            + " max(w.used) AS used_max, quantile_cont(w.allocated, [0.5, 0.95]) AS allocated_q,"
            + " max(w.allocated) AS allocated_max, arg_max(w.allocated, w.day) AS allocated_last";

    private UsageRollup() {}

    /** Rebuilds the rollups a database at {@code schemaVersion} has, in the caller's transaction. */
    static void rebuild(Connection connection, int schemaVersion) throws SQLException {
        if (schemaVersion >= Migrations.versionOf(CLUSTER_DAYS)) {
            rebuildClusterDays(connection);
        }
        if (schemaVersion >= Migrations.versionOf(RECENT_SERVICES)) {
            rebuildRecentServices(connection);
        }
    }

    /** Builds the rollup that migration {@code script} created, if it created one. */
    static void afterMigration(Connection connection, String script) throws SQLException {
        if (script.equals(CLUSTER_DAYS)) {
            rebuildClusterDays(connection);
        } else if (script.equals(RECENT_SERVICES)) {
            rebuildRecentServices(connection);
        }
    }

    private static void rebuildClusterDays(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM usage_cluster_day");
            statement.execute("INSERT INTO usage_cluster_day SELECT cluster, resource, CAST(ts AS DATE),"
                    + " sum(" + exact("used") + "), sum(" + exact("allocated") + "), count(*) FROM usage"
                    + " WHERE grain = 'day' GROUP BY cluster, resource, CAST(ts AS DATE)");
        }
    }

    private static void rebuildRecentServices(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM usage_service_recent");
            statement.execute("INSERT INTO usage_service_recent WITH bounds AS (SELECT max(day) - "
                    + (UtilizationQueries.RECENT_WINDOW_DAYS - 1) + " AS window_from, max(day) AS window_to FROM"
                    + " usage_cluster_day), w AS (SELECT u.service, u.cluster, u.resource, CAST(u.ts AS DATE) AS"
                    + " day, u.used, u.allocated FROM usage u, bounds b WHERE u.grain = 'day' AND u.ts >="
                    + " CAST(b.window_from AS TIMESTAMPTZ) AND u.ts < CAST(b.window_to + 1 AS TIMESTAMPTZ))"
                    + " SELECT b.window_from, b.window_to, w.service, w.cluster, w.resource, " + SERVICE_STATISTICS
                    + " FROM w, bounds b GROUP BY b.window_from, b.window_to, w.service, w.cluster, w.resource");
        }
    }

    /**
     * {@code expression} as a decimal, so that sums are exact and do not depend on the order parallel aggregation adds
     * in: the same data gives the same bytes on every run. Nine decimals keep far more precision than any capacity or
     * usage figure carries.
     */
    static String exact(String expression) {
        return "CAST(" + expression + " AS DECIMAL(38, 9))";
    }
}
