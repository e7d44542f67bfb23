package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One asset's stored prediction, as the prognostics endpoints answer it.
 *
 * @param id the prediction's id, which a review names
 * @param assetId the asset
 * @param day the day scored
 * @param risk the probability, 0 to 1, that the asset fails within {@code horizonDays} days after {@code day}
 * @param horizonDays the model's horizon, in days
 * @param modelVersion the registered model that scored it
 * @param reasons the features that raised the risk most, largest first, e.g. {@code "temp_c_slope_7 = 0.41 (+1.20
 *     log-odds)"}
 * @param verdict the latest review's verdict, {@code confirm}, {@code reject} or {@code defer}; {@code null} before
 *     any
 * @param note the latest review's note; {@code null} before any
 */
public record PredictionView(
        long id,
        String assetId,
        LocalDate day,
        double risk,
        int horizonDays,
        int modelVersion,
        List<String> reasons,
        @Nullable String verdict,
        @Nullable String note) {
    public PredictionView {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(day, "day is null");
        reasons = ImmutableList.copyOf(reasons);
    }

    static PredictionView of(Prediction prediction) {
        return new PredictionView(
                prediction.id(),
                prediction.assetId(),
                prediction.day(),
                prediction.risk(),
                prediction.horizonDays(),
                prediction.modelVersion(),
                prediction.reasons(),
                prediction.verdict(),
                prediction.note());
    }
}
