package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An engineer's verdict on a prediction, with the prediction's asset and day.
 *
 * @param reviewId its id
 * @param predictionId the prediction reviewed
 * @param assetId its asset
 * @param scoredDate its day
 * @param verdict confirm (the asset needs service), reject (it does not) or defer
 * @param note why
 * @param author who
 * @param reviewedAt when
 */
public record StoredReview(
        long reviewId,
        long predictionId,
        String assetId,
        LocalDate scoredDate,
        String verdict,
        String note,
        String author,
        Instant reviewedAt) {
    public StoredReview {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(scoredDate, "scoredDate is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(note, "note is null");
        requireNonNull(author, "author is null");
        requireNonNull(reviewedAt, "reviewedAt is null");
    }
}
