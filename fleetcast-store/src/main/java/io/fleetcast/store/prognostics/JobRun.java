package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of a scheduled job.
 *
 * @param runId its id
 * @param job the job's name
 * @param startedAt when it started
 * @param finishedAt when it ended; null while it runs (or if the process died meanwhile)
 * @param status {@code running}, {@code ok} or {@code failed}
 * @param message what it did, or why it failed
 */
public record JobRun(
        long runId, String job, Instant startedAt, @Nullable Instant finishedAt, String status, String message) {
    public JobRun {
        requireNonNull(job, "job is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
    }
}
