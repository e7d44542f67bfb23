package io.fleetcast.store.duckdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations. Version {@code n} is the script {@code migrations/V<n>__*.sql}; a database records the
 * versions applied in {@code schema_version}. Opening an older database applies the missing versions in order, each in
 * its own transaction; a database from a newer Fleetcast is refused rather than misread.
 */
final class Migrations {
    /** The scripts in version order; the list index + 1 is the version. Append only: never edit a released script. */
    static final List<String> SCRIPTS = ImmutableList.of(
            "V1__initial_schema.sql",
            "V2__topology_and_life_records.sql",
            "V3__forecast_inputs_and_adjustments.sql",
            "V4__plan_grain.sql",
            "V5__reconciled_plans.sql",
            "V6__capacity_plans.sql",
            "V7__allocation_requests.sql",
            UsageRollup.CLUSTER_DAYS,
            UsageRollup.RECENT_SERVICES,
            "V10__prognostic_models.sql",
            "V11__drift_and_jobs.sql",
            "V12__planned_retirements.sql");

    private Migrations() {}

    /** The newest schema version this build knows. */
    static int latestVersion() {
        return SCRIPTS.size();
    }

    /** The version that {@code script} brings a database to. */
    static int versionOf(String script) {
        int index = SCRIPTS.indexOf(script);
        if (index < 0) {
            throw new IllegalArgumentException("no migration " + script);
        }
        return index + 1;
    }

    /** The version of the schema in {@code connection}'s database; 0 for an empty database. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) {
            tables.next();
            if (tables.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            version.next();
            return version.getInt(1);
        }
    }

    /**
     * Brings the database up to {@code targetVersion}, applying each missing script in its own transaction.
     *
     * @return the version the database is at afterwards
     * @throws FleetcastException {@code BAD_INPUT} if the database is newer than this build knows
     */
    static int migrate(Connection connection, int targetVersion, String databaseName) throws SQLException {
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw FleetcastException.badInput(databaseName + " has schema version " + current
                    + ", written by a newer Fleetcast; this one knows versions up to " + latestVersion()
                    + ". Upgrade Fleetcast to open it.");
        }
        if (current == 0) {
            execute(
                    connection,
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script VARCHAR NOT NULL,"
                            + " applied_at TIMESTAMPTZ NOT NULL)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= targetVersion; version++) {
                String script = SCRIPTS.get(version - 1);
                try {
                    execute(connection, read(script));
                    // A rollup of the usage stored before it existed; the loader keeps it from now on.
                    UsageRollup.afterMigration(connection, script);
                    try (var insert = connection.prepareStatement(
                            "INSERT INTO schema_version VALUES (?, ?, current_timestamp)")) {
                        insert.setInt(1, version);
                        insert.setString(2, script);
                        insert.executeUpdate();
                    }
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw FleetcastException.internal(
                            "upgrading " + databaseName + " to schema version " + version + " (" + script
                                    + ") failed; the database is left at version " + (version - 1),
                            e);
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Math.max(current, targetVersion);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String read(String script) {
        String resource = "migrations/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration " + resource, e);
        }
    }
}
