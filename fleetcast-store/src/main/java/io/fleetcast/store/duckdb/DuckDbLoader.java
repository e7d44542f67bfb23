package io.fleetcast.store.duckdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.ColumnType;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.dataset.Reference;
import io.fleetcast.core.dataset.Rule;
import io.fleetcast.core.dataset.Schema;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.error.InvalidInputException;
import io.fleetcast.store.ingest.ContentHash;
import io.fleetcast.store.ingest.ConversionPlan;
import io.fleetcast.store.ingest.ErrorCollector;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.FileScan;
import io.fleetcast.store.ingest.IngestListener;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.IngestRequest;
import io.fleetcast.store.ingest.ReferenceSets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Loads one file into its table as one transaction. The rows stream through {@link ScanFunction} into an
 * {@code INSERT}; then, still inside the transaction, the loader resolves repeated keys within the file, replaces
 * older rows with the same natural key, checks consistency rules across the stored data, records rejects and the
 * ingest log, and commits. Any bad row without {@code skipBad}, or any failure, rolls everything back.
 */
final class DuckDbLoader {
    /** Problems listed in the error a rejected file raises. */
    static final int MAX_LISTED_PROBLEMS = 20;

    private final DuckDbStore store;
    private final ScanFunction scanFunction;
    private final String fleetcastVersion;
    private final boolean directVectorWrites;

    DuckDbLoader(DuckDbStore store, ScanFunction scanFunction, String fleetcastVersion, boolean directVectorWrites) {
        this.directVectorWrites = directVectorWrites;
        this.store = store;
        this.scanFunction = scanFunction;
        this.fleetcastVersion = fleetcastVersion;
    }

    IngestReport load(IngestRequest request, IngestListener listener) {
        Path file = request.file();
        String fileName = file.toString();
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(fileName + ": no such file");
        }
        Schema schema = request.kind().schema();
        long size = size(file);
        Instant started = store.clock().instant();
        try (Connection connection = store.newLoadConnection()) {
            Optional<Long> previous = sameContentLoadedBefore(connection, request.kind(), file, size);
            if (previous.isPresent()) {
                return alreadyLoaded(connection, previous.orElseThrow(), request.kind(), fileName);
            }
            Path temporary = null;
            try {
                Path scanFile = file;
                FileFormat scanFormat = request.format();
                String parquetHash = "";
                if (request.format() == FileFormat.PARQUET) {
                    parquetHash = contentHash(file);
                    temporary = parquetAsCsv(connection, file, fileName);
                    scanFile = temporary;
                    scanFormat = FileFormat.CSV;
                }
                ErrorCollector errors = new ErrorCollector(fileName, MAX_LISTED_PROBLEMS, request.skipBad());
                try (FileScan scan = FileScan.open(scanFile, fileName, scanFormat, schema, errors, listener)) {
                    if (errors.hasProblems()) {
                        throw rejected(fileName, errors);
                    }
                    return loadInTransaction(connection, request, fileName, scan, errors, started, size, parquetHash);
                }
            } finally {
                if (temporary != null) {
                    deleteQuietly(temporary);
                }
            }
        } catch (SQLException e) {
            throw FleetcastException.internal(
                    "loading " + fileName + " failed: " + DuckDbStore.firstLine(e.getMessage()), e);
        }
    }

    private IngestReport loadInTransaction(
            Connection connection,
            IngestRequest request,
            String fileName,
            FileScan scan,
            ErrorCollector errors,
            Instant started,
            long size,
            String parquetHash)
            throws SQLException {
        Schema schema = request.kind().schema();
        String table = request.kind().tableName();
        connection.setAutoCommit(false);
        try {
            long ingestId = nextIngestId(connection);
            ConversionPlan plan = new ConversionPlan(
                    schema,
                    scan.layout(),
                    loadReferences(connection, schema),
                    errors,
                    scan.recordWidth(),
                    request.skipBad(),
                    request.slashDates());
            boolean tableHadRows = hasRows(connection, table);
            insert(connection, schema, ingestId, fileName, scan, plan);
            failUnlessSkipping(request, fileName, errors);
            String hash = request.format() == FileFormat.PARQUET ? parquetHash : scan.contentHash();

            Map<Long, String> postLoadRejects = new TreeMap<>();
            if (plan.mayRepeatKeys()) {
                resolveDuplicates(connection, schema, ingestId, errors, postLoadRejects);
                failUnlessSkipping(request, fileName, errors);
            }
            long replaced = tableHadRows ? replaceOlderRows(connection, schema, ingestId) : 0;
            checkConsistency(connection, schema, ingestId, errors, postLoadRejects);
            failUnlessSkipping(request, fileName, errors);
            if (!postLoadRejects.isEmpty()) {
                deleteLines(connection, table, ingestId, postLoadRejects.keySet());
            }
            if (request.kind() == Kind.USAGE) {
                UsageRollup.rebuild(connection, store.schemaVersion());
            }
            List<ErrorCollector.Reject> rejects =
                    withRawText(connection, table, ingestId, request, errors.rejects(), postLoadRejects.keySet());
            writeRejects(connection, ingestId, fileName, rejects);
            long loaded = count(connection, table, ingestId);
            Instant finished = store.clock().instant();
            writeLog(
                    connection,
                    ingestId,
                    request,
                    fileName,
                    hash,
                    size,
                    scan.rowsRead(),
                    loaded,
                    rejects.size(),
                    replaced,
                    scan.layout().extraColumns(),
                    started,
                    finished);
            connection.commit();
            return new IngestReport(
                    ingestId,
                    request.kind(),
                    fileName,
                    hash,
                    false,
                    scan.rowsRead(),
                    loaded,
                    rejects.size(),
                    replaced,
                    scan.layout().extraColumns(),
                    errors.listed());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void failUnlessSkipping(IngestRequest request, String fileName, ErrorCollector errors) {
        if (errors.hasProblems() && !request.skipBad()) {
            throw rejected(fileName, errors);
        }
    }

    private static InvalidInputException rejected(String fileName, ErrorCollector errors) {
        long rows = errors.rejectedRows();
        String summary = fileName + " was not loaded: " + count(errors.problemCount(), "problem")
                + (rows > 0 ? " in " + count(rows, "row") : "")
                + "; nothing was stored. Fix the file, or load its good rows with --skip-bad.";
        return new InvalidInputException(summary, errors.listed(), errors.problemCount());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void insert(
            Connection connection, Schema schema, long ingestId, String fileName, FileScan scan, ConversionPlan plan)
            throws SQLException {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < schema.columns().size(); i++) {
            Column column = schema.columns().get(i);
            columns.append(quote(column.name())).append(", ");
            values.append(fromCarrier(column.type(), "c" + i)).append(", ");
        }
        columns.append("ingest_id, source_file, source_line, extra");
        values.append(ingestId)
                .append(", ")
                .append(literal(fileName))
                .append(", source_line, ")
                .append(plan.emitsExtra() ? "CAST(extra AS JSON)" : "NULL");
        String job = scanFunction.open(
                new ScanFunction.Job(scan, plan, store.config().threads(), directVectorWrites));
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + schema.kind().tableName() + " (" + columns + ") SELECT " + values
                    + " FROM " + ScanFunction.NAME + "(" + literal(job) + ")");
        } catch (SQLException e) {
            throw unwrapScanFailure(fileName, e);
        } finally {
            scanFunction.close(job);
        }
    }

    /** An I/O failure inside the scan arrives wrapped in DuckDB's error; say what it was. */
    private static SQLException unwrapScanFailure(String fileName, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("ZipException") || message.contains("Not in GZIP format")) {
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT,
                    fileName + ": not a valid gzip file (" + DuckDbStore.firstLine(message) + ")",
                    e);
        }
        return e;
    }

    /** The SQL that turns a carried value into its stored type. */
    static String fromCarrier(ColumnType type, String expression) {
        return switch (type) {
            case TEXT, CHOICE, INTEGER, NUMBER -> expression;
            case DECIMAL -> "CAST(" + expression + " AS DECIMAL(38, 18))";
            case JSON -> "CAST(" + expression + " AS JSON)";
            case DATE -> "(DATE '1970-01-01' + CAST(" + expression + " AS INTEGER))";
            case TIMESTAMP -> expression; // the scan gives TIMESTAMPTZ
        };
    }

    private static ReferenceSets loadReferences(Connection connection, Schema schema) throws SQLException {
        Set<Reference> wanted = new java.util.LinkedHashSet<>();
        for (Column column : schema.columns()) {
            column.reference().ifPresent(wanted::add);
        }
        for (Rule rule : schema.rules()) {
            if (rule instanceof Rule.ReferenceWhen r) {
                wanted.add(r.reference());
            }
        }
        Map<Reference, Set<String>> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Reference reference : wanted) {
                Set<String> known = new HashSet<>();
                String column = quote(reference.column());
                try (ResultSet rs = statement.executeQuery("SELECT DISTINCT " + column + " FROM "
                        + reference.kind().tableName() + " WHERE " + column + " IS NOT NULL")) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
                values.put(reference, known);
            }
        }
        return new ReferenceSets(values);
    }

    /**
     * Finds rows of this load that repeat an earlier row's natural key, comparing the real keys (the scan only saw
     * equal key hashes), and reports each repeat; the first row with a key stays.
     */
    private static void resolveDuplicates(
            Connection connection,
            Schema schema,
            long ingestId,
            ErrorCollector errors,
            Map<Long, String> postLoadRejects)
            throws SQLException {
        StringBuilder keyList = new StringBuilder();
        for (String key : schema.naturalKey()) {
            keyList.append(keyList.length() == 0 ? "" : ", ").append(quote(key));
        }
        String sql = "SELECT source_line, first_line, key_text FROM (SELECT source_line,"
                + " min(source_line) OVER (PARTITION BY " + keyList + ") AS first_line,"
                + " count(*) OVER (PARTITION BY " + keyList + ") AS copies,"
                + " CAST(row(" + keyList + ") AS VARCHAR) AS key_text"
                + " FROM " + schema.kind().tableName() + " WHERE ingest_id = " + ingestId
                + ") WHERE copies > 1 AND source_line > first_line ORDER BY source_line";
        String keyNames = String.join(", ", schema.naturalKey());
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long line = rs.getLong(1);
                String problem = "repeats the natural key (" + keyNames + ") = " + rs.getString(3) + " of line "
                        + rs.getLong(2) + "; each key may appear once per file";
                errors.reject(line, List.of(new ErrorCollector.Problem("", problem)), "");
                postLoadRejects.put(line, problem);
            }
        }
    }

    /** Deletes stored rows from earlier loads that this load's rows replace; returns how many. */
    private static long replaceOlderRows(Connection connection, Schema schema, long ingestId) throws SQLException {
        String table = schema.kind().tableName();
        StringBuilder matches = new StringBuilder();
        for (String key : schema.naturalKey()) {
            String name = quote(key);
            matches.append(" AND n.")
                    .append(name)
                    .append(" IS NOT DISTINCT FROM ")
                    .append(table)
                    .append('.')
                    .append(name);
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM " + table + " WHERE ingest_id < " + ingestId
                    + " AND EXISTS (SELECT 1 FROM " + table + " n WHERE n.ingest_id = " + ingestId + matches + ")");
        }
    }

    /**
     * Checks the schema's {@link Rule.Consistent} rules over the whole stored data set (after replacement): a row of
     * this load whose value differs from the first stored row with the same key is a problem.
     */
    private static void checkConsistency(
            Connection connection,
            Schema schema,
            long ingestId,
            ErrorCollector errors,
            Map<Long, String> postLoadRejects)
            throws SQLException {
        String table = schema.kind().tableName();
        for (Rule rule : schema.rules()) {
            if (!(rule instanceof Rule.Consistent consistent)) {
                continue;
            }
            String column = quote(consistent.column());
            String key = quote(consistent.key());
            String order = "struct_pack(i := ingest_id, l := source_line)";
            String sql = "WITH first AS (SELECT " + key + " AS k, arg_min(" + column + ", " + order + ") AS v,"
                    + " arg_min(source_file, " + order + ") AS f, arg_min(source_line, " + order + ") AS l"
                    + " FROM " + table + " GROUP BY " + key + ")"
                    + " SELECT n.source_line, n." + key + ", n." + column + ", first.v, first.f, first.l FROM "
                    + table + " n JOIN first ON n." + key + " = first.k WHERE n.ingest_id = " + ingestId
                    + " AND n." + column + " IS DISTINCT FROM first.v ORDER BY n.source_line";
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    long line = rs.getLong(1);
                    String problem = consistent.key() + " \"" + rs.getString(2) + "\" is in " + consistent.column()
                            + " \"" + rs.getString(4) + "\" on " + rs.getString(5) + ":" + rs.getLong(6)
                            + ", not \"" + rs.getString(3) + "\"";
                    errors.reject(line, List.of(new ErrorCollector.Problem(consistent.column(), problem)), "");
                    postLoadRejects.put(line, problem);
                }
            }
        }
    }

    private static void deleteLines(Connection connection, String table, long ingestId, Set<Long> lines)
            throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table + " WHERE ingest_id = ? AND source_line = ?")) {
            for (long line : lines) {
                delete.setLong(1, ingestId);
                delete.setLong(2, line);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /**
     * The rejects with their original text. Rows rejected after loading (repeated keys, inconsistencies) were not
     * kept as text by the scan: their lines are read again from the file (or, for Parquet, their stored values).
     */
    private static List<ErrorCollector.Reject> withRawText(
            Connection connection,
            String table,
            long ingestId,
            IngestRequest request,
            List<ErrorCollector.Reject> rejects,
            Set<Long> postLoadLines)
            throws SQLException {
        if (!request.skipBad() || postLoadLines.isEmpty()) {
            return rejects;
        }
        Map<Long, String> texts = request.format() == FileFormat.PARQUET
                ? storedRowsAsJson(connection, table, ingestId, postLoadLines)
                : readLines(request.file(), postLoadLines);
        List<ErrorCollector.Reject> completed = new ArrayList<>(rejects.size());
        for (ErrorCollector.Reject reject : rejects) {
            String text = texts.get(reject.line());
            completed.add(
                    text != null && reject.rawText().isEmpty()
                            ? new ErrorCollector.Reject(reject.line(), reject.column(), reject.reason(), text)
                            : reject);
        }
        return completed;
    }

    private static Map<Long, String> storedRowsAsJson(
            Connection connection, String table, long ingestId, Set<Long> lines) throws SQLException {
        Map<Long, String> texts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT CAST(to_json(t) AS VARCHAR) FROM " + table
                + " t WHERE ingest_id = ? AND source_line = ? LIMIT 1")) {
            for (long line : lines) {
                select.setLong(1, ingestId);
                select.setLong(2, line);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        texts.put(line, rs.getString(1));
                    }
                }
            }
        }
        return texts;
    }

    private static Map<Long, String> readLines(Path file, Set<Long> lines) {
        Map<Long, String> texts = new HashMap<>();
        long last = lines.stream().mapToLong(Long::longValue).max().orElse(0);
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = FileFormat.isGzip(file) ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            long number = 0;
            String text;
            while (number < last && (text = reader.readLine()) != null) {
                number++;
                if (lines.contains(number)) {
                    texts.put(number, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading rejected lines again from " + file, e);
        }
        return texts;
    }

    private static void writeRejects(
            Connection connection, long ingestId, String fileName, List<ErrorCollector.Reject> rejects)
            throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rejects")) {
            for (ErrorCollector.Reject reject : rejects) {
                appender.beginRow();
                appender.append((int) ingestId);
                appender.append(fileName);
                appender.append(reject.line());
                appender.append(reject.column());
                appender.append(reject.reason());
                appender.append(reject.rawText());
                appender.endRow();
            }
        }
    }

    private void writeLog(
            Connection connection,
            long ingestId,
            IngestRequest request,
            String fileName,
            String sha,
            long size,
            long rowsRead,
            long rowsLoaded,
            long rowsRejected,
            long rowsReplaced,
            List<String> extraColumns,
            Instant started,
            Instant finished)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::VARCHAR[], ?, ?, ?)")) {
            insert.setLong(1, ingestId);
            insert.setString(2, request.kind().tableName());
            insert.setString(3, fileName);
            insert.setString(4, request.file().toAbsolutePath().normalize().toString());
            insert.setString(5, request.format().name());
            insert.setString(6, sha);
            insert.setLong(7, size);
            insert.setLong(8, rowsRead);
            insert.setLong(9, rowsLoaded);
            insert.setLong(10, rowsRejected);
            insert.setLong(11, rowsReplaced);
            insert.setString(12, listLiteral(extraColumns));
            insert.setTimestamp(13, Timestamp.from(started));
            insert.setTimestamp(14, Timestamp.from(finished));
            insert.setString(15, fleetcastVersion);
            insert.executeUpdate();
        }
    }

    /** DuckDB's text form of a VARCHAR list, e.g. {@code [Id, x_Note]}. */
    private static String listLiteral(List<String> values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ")
                    .append('\'')
                    .append(values.get(i).replace("'", "''"))
                    .append('\'');
        }
        return text.append(']').toString();
    }

    private static Optional<Long> sameContentLoadedBefore(Connection connection, Kind kind, Path file, long size)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ingest_id, content_hash FROM ingest_log WHERE kind = ? AND size_bytes = ?"
                        + " ORDER BY ingest_id")) {
            select.setString(1, kind.tableName());
            select.setLong(2, size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    hashes.add(rs.getString(2));
                }
            }
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // Only a file of exactly the same size can be the same content: hash it before deciding.
        int match = hashes.indexOf(contentHash(file));
        return match < 0 ? Optional.empty() : Optional.of(ids.get(match));
    }

    private static IngestReport alreadyLoaded(Connection connection, long ingestId, Kind kind, String fileName)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT content_hash, rows_read, extra_columns FROM ingest_log WHERE ingest_id = ?")) {
            select.setLong(1, ingestId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                List<String> extras = new ArrayList<>();
                Object array = rs.getArray(3).getArray();
                if (array instanceof Object[] items) {
                    for (Object item : items) {
                        extras.add(String.valueOf(item));
                    }
                }
                return new IngestReport(
                        ingestId,
                        kind,
                        fileName,
                        rs.getString(1),
                        true,
                        rs.getLong(2),
                        0,
                        0,
                        0,
                        extras,
                        ImmutableList.of());
            }
        }
    }

    private static Path parquetAsCsv(Connection connection, Path file, String fileName) throws SQLException {
        Path csv;
        try {
            csv = Files.createTempFile("fleetcast-parquet-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary file for " + file, e);
        }
        String source = literal(file.toAbsolutePath().toString());
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS "
                    + io.fleetcast.store.ingest.FileLayout.ROW_NUMBER_COLUMN + " FROM read_parquet(" + source
                    + ", file_row_number = true)) TO " + literal(csv.toString()) + " (HEADER, DELIMITER ',')");
        } catch (SQLException e) {
            deleteQuietly(csv);
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT,
                    fileName + ": cannot read as Parquet: " + DuckDbStore.firstLine(e.getMessage()),
                    e);
        }
        return csv;
    }

    private static long nextIngestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT nextval('ingest_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection connection, String table, long ingestId) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT count(*) FROM " + table + " WHERE ingest_id = " + ingestId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String contentHash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ContentHash digest = new ContentHash();
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return digest.hex();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file in the system temp folder is harmless; the load's outcome matters more.
        }
    }

    /** A SQL identifier in double quotes. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A SQL string literal. */
    static String literal(@Nullable String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }
}
