package io.fleetcast.app.ingest;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.ingest.IngestReport;
import java.nio.file.Path;

/** What a multi-file load reports as it goes. Called on the loading threads; implementations must be thread-safe. */
public interface IngestProgress {
    /** Reports nothing. */
    IngestProgress NONE = new IngestProgress() {};

    /** Loading {@code file} ({@code sizeBytes} as stored) as {@code kind} begins. */
    default void started(Kind kind, Path file, long sizeBytes) {}

    /** {@code bytesRead} of the current file's {@code totalBytes} have been read. */
    default void progressed(long bytesRead, long totalBytes) {}

    /** The current file is loaded (or was loaded before: {@link IngestReport#alreadyLoaded()}). */
    default void finished(IngestReport report) {}
}
