package io.fleetcast.store.ingest;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.dataset.Kind;
import java.nio.file.Path;

/**
 * Load {@code file} as {@code kind}. With {@code skipBad} the good rows load and each bad row is recorded in the
 * rejects table; without it a file with any bad row loads nothing. {@code slashDates} says how to read dates written
 * like {@code 4/1/26}.
 */
public record IngestRequest(Kind kind, Path file, FileFormat format, boolean skipBad, SlashDates slashDates) {
    public IngestRequest {
        requireNonNull(kind, "kind is null");
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        requireNonNull(slashDates, "slashDates is null");
    }

    /** A request that refuses slash dates. */
    public IngestRequest(Kind kind, Path file, FileFormat format, boolean skipBad) {
        this(kind, file, format, skipBad, SlashDates.REFUSE);
    }
}
