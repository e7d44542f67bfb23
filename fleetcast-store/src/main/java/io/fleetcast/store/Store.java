package io.fleetcast.store;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.ingest.IngestListener;
import io.fleetcast.store.ingest.IngestLogEntry;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.IngestRequest;
import java.util.List;
import java.util.Map;

/**
 * A Fleetcast data store: ingestion of users' files, and read access. Implementations are safe for use from several
 * threads; {@link #close()} releases the underlying database.
 */
public interface Store extends AutoCloseable {

    /**
     * Loads one file as one transaction: either every good row of it (and, with {@code skipBad}, a record of each
     * rejected row) or nothing. A file already loaded (same kind, same content hash) changes nothing and reports so.
     *
     * @throws io.fleetcast.core.error.InvalidInputException if the file has bad rows and {@code skipBad} is off, or
     *     the file cannot be read as its format; nothing is loaded
     * @throws io.fleetcast.core.error.FleetcastException of kind {@code INTERNAL} if the store fails
     */
    IngestReport ingest(IngestRequest request, IngestListener listener);

    /**
     * Runs one read-only SQL statement and returns at most {@code maxRows} rows.
     *
     * @throws io.fleetcast.core.error.FleetcastException of kind {@code BAD_INPUT} if the SQL is invalid or tries to
     *     change the store
     */
    QueryResult query(String sql, int maxRows);

    /** The ingest log, newest first, at most {@code limit} entries. */
    List<IngestLogEntry> ingestLog(int limit);

    /** Rows stored per kind, in load order. */
    Map<Kind, Long> rowCounts();

    /** The schema version of the open database. */
    int schemaVersion();

    @Override
    void close();
}
