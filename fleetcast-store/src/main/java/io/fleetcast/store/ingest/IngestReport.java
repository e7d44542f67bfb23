package io.fleetcast.store.ingest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.InputError;
import java.util.List;

/**
 * What one load did.
 *
 * @param ingestId the load's id in the ingest log (for {@code alreadyLoaded}, the earlier load's)
 * @param alreadyLoaded the same content was loaded before as this kind; nothing changed
 * @param rowsRead data rows in the file
 * @param rowsLoaded rows now stored
 * @param rowsRejected bad rows recorded in the rejects table ({@code skipBad} only)
 * @param rowsReplaced stored rows from earlier files that rows of this file replaced (same natural key)
 * @param extraColumns columns of the file beyond the data set's own, kept in each row's {@code extra}
 * @param rejected the first rejected rows' problems ({@code skipBad} only), in file order
 */
public record IngestReport(
        long ingestId,
        Kind kind,
        String sourceFile,
        String contentHash,
        boolean alreadyLoaded,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsReplaced,
        List<String> extraColumns,
        List<InputError> rejected) {
    public IngestReport {
        requireNonNull(kind, "kind is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(contentHash, "contentHash is null");
        checkArgument(rowsRead >= 0 && rowsLoaded >= 0 && rowsRejected >= 0 && rowsReplaced >= 0, "negative count");
        extraColumns = List.copyOf(extraColumns);
        rejected = List.copyOf(rejected);
    }
}
