package io.fleetcast.store.ingest;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.dataset.Kind;
import java.time.Instant;

/** One committed load, as the ingest log keeps it. */
public record IngestLogEntry(
        long ingestId,
        Kind kind,
        String sourceFile,
        FileFormat format,
        String contentHash,
        long sizeBytes,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsReplaced,
        Instant startedAt,
        Instant finishedAt) {
    public IngestLogEntry {
        requireNonNull(kind, "kind is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(format, "format is null");
        requireNonNull(contentHash, "contentHash is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }
}
