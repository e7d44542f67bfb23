package io.fleetcast.store.ingest;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.dataset.Kind;
import java.nio.file.Path;

/**
 * Load {@code file} as {@code kind}. With {@code skipBad} the good rows load and each bad row is recorded in the
 * rejects table; without it a file with any bad row loads nothing.
 */
public record IngestRequest(Kind kind, Path file, FileFormat format, boolean skipBad) {
    public IngestRequest {
        requireNonNull(kind, "kind is null");
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
    }
}
