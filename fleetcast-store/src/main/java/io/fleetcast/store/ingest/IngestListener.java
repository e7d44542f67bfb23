package io.fleetcast.store.ingest;

/** Progress of one load, called from the loading threads; implementations must be thread-safe and quick. */
public interface IngestListener {
    /** A listener that ignores progress. */
    IngestListener NONE = (bytesRead, totalBytes) -> {};

    /**
     * {@code bytesRead} of the file's {@code totalBytes} have been parsed (for compressed files, of the compressed
     * size). Called at most a few times per second.
     */
    void onProgress(long bytesRead, long totalBytes);
}
