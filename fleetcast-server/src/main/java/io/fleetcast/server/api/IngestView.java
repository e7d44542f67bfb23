package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.store.ingest.IngestLogEntry;
import java.time.Instant;
import java.util.Locale;

/** One entry of {@code GET /api/ingests}: a committed load of one file. */
public record IngestView(
        long ingestId,
        String kind,
        String sourceFile,
        String format,
        String contentHash,
        long sizeBytes,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsReplaced,
        Instant startedAt,
        Instant finishedAt) {
    public IngestView {
        requireNonNull(kind, "kind is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(format, "format is null");
        requireNonNull(contentHash, "contentHash is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }

    static IngestView of(IngestLogEntry entry) {
        return new IngestView(
                entry.ingestId(),
                entry.kind().tableName(),
                entry.sourceFile(),
                entry.format().name().toLowerCase(Locale.ROOT),
                entry.contentHash(),
                entry.sizeBytes(),
                entry.rowsRead(),
                entry.rowsLoaded(),
                entry.rowsRejected(),
                entry.rowsReplaced(),
                entry.startedAt(),
                entry.finishedAt());
    }
}
