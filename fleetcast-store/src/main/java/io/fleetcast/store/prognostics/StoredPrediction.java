package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One asset's risk on a scored day, with its latest review if an engineer gave one.
 *
 * @param predictionId its id
 * @param modelVersion the model that scored it
 * @param assetId the asset
 * @param scoredDate the day scored (telemetry up to its end)
 * @param horizonDays the risk is of failure within this many days after it
 * @param risk the probability
 * @param reasons JSON array of the features that raised it most
 * @param verdict the latest review's verdict (confirm, reject, defer), or null
 * @param note its note
 * @param author its author
 * @param reviewedAt when it was given
 */
public record StoredPrediction(
        long predictionId,
        String modelVersion,
        String assetId,
        LocalDate scoredDate,
        int horizonDays,
        double risk,
        String reasons,
        @Nullable String verdict,
        @Nullable String note,
        @Nullable String author,
        @Nullable Instant reviewedAt) {
    public StoredPrediction {
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(assetId, "assetId is null");
        requireNonNull(scoredDate, "scoredDate is null");
        requireNonNull(reasons, "reasons is null");
    }
}
