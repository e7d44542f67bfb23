package io.fleetcast.store.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code usage_cluster_day} rollup: each cluster's daily usage per resource, the daily-grain usage rows summed
 * over its services as exact decimals (so a sum over the rollup equals the same sum over the rows, to the digit). The
 * loader rebuilds it inside every usage load's transaction (a load may replace or reject rows anywhere, and a rebuild
 * is one aggregate: about a second for 13 million rows); migration V8 builds it for usage stored before it existed.
 */
final class UsageRollup {
    /** The migration that creates the table, after which it is built. */
    static final String MIGRATION = "V8__usage_rollup.sql";

    private UsageRollup() {}

    /** Replaces the rollup with the aggregate of the stored usage, in the caller's transaction. */
    static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM usage_cluster_day");
            statement.execute("INSERT INTO usage_cluster_day SELECT cluster, resource, CAST(ts AS DATE),"
                    + " sum(" + exact("used") + "), sum(" + exact("allocated") + "), count(*) FROM usage"
                    + " WHERE grain = 'day' GROUP BY cluster, resource, CAST(ts AS DATE)");
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
