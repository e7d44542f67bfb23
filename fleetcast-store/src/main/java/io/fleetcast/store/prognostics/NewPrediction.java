package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

/**
 * A prediction to store.
 *
 * @param assetId the asset
 * @param risk the probability of failure within the model's horizon
 * @param reasons JSON array of the features that raised it most
 */
public record NewPrediction(String assetId, double risk, String reasons) {
    public NewPrediction {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(reasons, "reasons is null");
    }
}
