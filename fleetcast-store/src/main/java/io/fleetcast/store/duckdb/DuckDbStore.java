package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.Store;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.IngestListener;
import io.fleetcast.store.ingest.IngestLogEntry;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.IngestRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The store on one embedded DuckDB file. Opening creates the file with the current schema, or upgrades an older one;
 * every other thread works on its own connection to the same database.
 */
public final class DuckDbStore implements Store {
    private static final String[] READ_ONLY_STATEMENTS = {
        "select", "with", "from", "values", "table", "describe", "show", "summarize", "explain", "pivot", "unpivot", "("
    };

    private final StoreConfig config;
    private final DuckDBConnection root;
    private final int schemaVersion;
    private final Clock clock;
    private final @Nullable DuckDbLoader loader;

    private DuckDbStore(
            StoreConfig config, DuckDBConnection root, int schemaVersion, Clock clock, boolean directVectorWrites)
            throws SQLException {
        this.config = config;
        this.root = root;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
        this.loader = config.readOnly()
                ? null
                : new DuckDbLoader(this, ScanFunction.register(root), FleetcastVersion.get(), directVectorWrites);
    }

    /**
     * Opens (creating or upgrading as needed) the database {@code config} names.
     *
     * @throws FleetcastException {@code BAD_INPUT} if the file is missing in read-only mode, is in use by another
     *     process, is not a DuckDB database, or was written by a newer Fleetcast
     */
    public static DuckDbStore open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens with {@code clock} as the source of the ingest log's times. */
    public static DuckDbStore open(StoreConfig config, Clock clock) {
        return open(config, clock, Migrations.latestVersion());
    }

    /** Opens at a given schema version; for tests of upgrades from older versions. */
    static DuckDbStore open(StoreConfig config, Clock clock, int targetVersion) {
        return open(config, clock, targetVersion, VectorMemory.isAvailable());
    }

    /**
     * Opens at a given schema version, writing loaded numbers straight into vector memory or through the driver's
     * public setters; for tests that compare the two.
     */
    static DuckDbStore open(StoreConfig config, Clock clock, int targetVersion, boolean directVectorWrites) {
        requireNonNull(config, "config is null");
        Path database = config.database().toAbsolutePath();
        String name = config.database().toString();
        if (config.readOnly() && !Files.exists(database)) {
            throw FleetcastException.badInput("no Fleetcast database at " + name
                    + "; load data first (fleetcast ingest ... or fleetcast demo), or pass --db PATH");
        }
        if (!config.readOnly()) {
            Path parent = database.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw FleetcastException.badInput(
                        "cannot create database " + name + ": folder " + parent + " does not exist");
            }
        }
        DuckDBConnection connection = connect(database, config, name);
        try {
            configure(connection, config);
            int version;
            if (config.readOnly()) {
                version = Migrations.currentVersion(connection);
                if (version != Migrations.latestVersion()) {
                    throw FleetcastException.badInput(name + " has schema version " + version + " but this Fleetcast"
                            + " reads version " + Migrations.latestVersion()
                            + "; open it once read-write (e.g. fleetcast ingest) to upgrade it");
                }
            } else {
                version = Migrations.migrate(connection, targetVersion, name);
            }
            return new DuckDbStore(config, connection, version, clock, directVectorWrites);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw FleetcastException.internal("opening " + name + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static DuckDBConnection connect(Path database, StoreConfig config, String name) {
        Properties properties = new Properties();
        if (config.readOnly()) {
            properties.setProperty("duckdb.read_only", "true");
        }
        // Extensions Fleetcast needs (parquet, json, icu) are built into the driver; never reach for the network.
        properties.setProperty("autoinstall_known_extensions", "false");
        try {
            return (DuckDBConnection) java.sql.DriverManager.getConnection("jdbc:duckdb:" + database, properties);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock")) {
                throw new FleetcastException(
                        ErrorKind.BAD_INPUT,
                        name + " is in use by another process (" + firstLine(message)
                                + "); stop it (e.g. a running fleetcast serve) or use another --db",
                        e);
            }
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT, "cannot open " + name + " as a DuckDB database: " + firstLine(message), e);
        }
    }

    private static void configure(Connection connection, StoreConfig config) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + config.threads());
            statement.execute("SET memory_limit = '" + config.memoryLimitMib() + "MiB'");
            statement.execute("SET TimeZone = 'UTC'");
            // Loads stream rows from several threads and carry their source line; keeping file order would
            // serialise the insert. Queries that need an order say ORDER BY. Each connection but a load's takes it
            // back for its session (newConnection).
            statement.execute("SET preserve_insertion_order = false");
        }
    }

    /** A new connection to this database, with the session settings every query expects. The caller closes it. */
    Connection newConnection() {
        return newConnection(true);
    }

    /**
     * A new connection for a load, which inserts rows from several threads in any order (see {@link #configure}). The
     * caller closes it.
     */
    Connection newLoadConnection() {
        return newConnection(false);
    }

    private Connection newConnection(boolean ordered) {
        try {
            DuckDBConnection connection = root.duplicate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
                // With preserve_insertion_order off, DuckDB 2.0.0 returns a prepared statement's ORDER BY rows out of
                // order once the result spans several threads' chunks (DuckDbStoreOrderTest): a query's rows keep
                // their order in every session but a load's.
                if (ordered) {
                    statement.execute("SET SESSION preserve_insertion_order = true");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw FleetcastException.internal("opening a connection to " + config.database() + " failed", e);
        }
    }

    StoreConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public IngestReport ingest(IngestRequest request, IngestListener listener) {
        DuckDbLoader writer = loader;
        if (writer == null) {
            throw FleetcastException.badInput(config.database() + " is open read-only; cannot ingest");
        }
        return writer.load(request, listener);
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        requireNonNull(sql, "sql is null");
        if (!startsWithWord(sql, READ_ONLY_STATEMENTS)) {
            throw FleetcastException.badInput("only read-only queries are allowed: start with one of "
                    + String.join(", ", READ_ONLY_STATEMENTS).toUpperCase(Locale.ROOT));
        }
        try (Connection connection = newConnection()) {
            // Whatever the statement does, nothing of it is committed.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setMaxRows(maxRows + 1);
                try (ResultSet resultSet = statement.executeQuery()) {
                    return read(resultSet, maxRows);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new FleetcastException(ErrorKind.BAD_INPUT, "SQL failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static boolean startsWithWord(String sql, String... words) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (start.startsWith(word)
                    && (start.length() == word.length() || !Character.isLetter(start.charAt(word.length())))) {
                return true;
            }
        }
        return false;
    }

    private static QueryResult read(ResultSet resultSet, int maxRows) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int count = meta.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        List<String> types = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(meta.getColumnLabel(i));
            types.add(meta.getColumnTypeName(i));
        }
        List<List<@Nullable Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (resultSet.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<@Nullable Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(value(resultSet, i, types.get(i - 1)));
            }
            rows.add(row);
        }
        return new QueryResult(columns, types, rows, truncated);
    }

    private static @Nullable Object value(ResultSet resultSet, int column, String type) throws SQLException {
        Object value = resultSet.getObject(column);
        if (value == null) {
            return null;
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (upper.equals("DATE")) {
            return resultSet.getObject(column, LocalDate.class);
        }
        if (upper.startsWith("TIMESTAMP")) {
            return resultSet.getObject(column, OffsetDateTime.class).toInstant();
        }
        return value.toString();
    }

    @Override
    public List<IngestLogEntry> ingestLog(int limit) {
        String sql = "SELECT ingest_id, kind, source_file, format, content_hash, size_bytes, rows_read, rows_loaded,"
                + " rows_rejected, rows_replaced, started_at, finished_at FROM ingest_log ORDER BY ingest_id DESC"
                + " LIMIT ?";
        try (Connection connection = newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            ImmutableList.Builder<IngestLogEntry> entries = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new IngestLogEntry(
                            rs.getLong(1),
                            Kind.parse(rs.getString(2)).orElseThrow(),
                            rs.getString(3),
                            FileFormat.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getLong(10),
                            rs.getObject(11, OffsetDateTime.class).toInstant(),
                            rs.getObject(12, OffsetDateTime.class).toInstant()));
                }
            }
            return entries.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the ingest log failed", e);
        }
    }

    @Override
    public ImmutableMap<Kind, Long> rowCounts() {
        ImmutableMap.Builder<Kind, Long> counts = ImmutableMap.builder();
        try (Connection connection = newConnection();
                Statement statement = connection.createStatement()) {
            for (Kind kind : Kind.loadOrder()) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + kind.tableName())) {
                    rs.next();
                    counts.put(kind, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("counting rows failed", e);
        }
        return counts.buildOrThrow();
    }

    /**
     * Refuses {@code what} when the store was opened read-only, saying how to change it rather than failing inside the
     * database.
     */
    void requireWritable(String what) {
        if (config.readOnly()) {
            throw FleetcastException.badInput("cannot " + what + ": " + config.database() + " is open read-only"
                    + " (fleetcast serve --read-only); serve without --read-only to record changes");
        }
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw FleetcastException.internal("closing " + config.database() + " failed", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The open already failed with the more useful error; this one adds nothing.
        }
    }

    static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
