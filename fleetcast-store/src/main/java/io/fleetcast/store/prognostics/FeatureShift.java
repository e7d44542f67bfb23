package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

/**
 * How far one feature's values on a scored day moved from the scoring model's training data.
 *
 * @param feature the feature
 * @param psi the population stability index against the training data's deciles
 * @param missingShare the share of the day's assets without a value
 * @param referenceMissingShare the share of training rows without one
 * @param rows the assets scored that day
 */
public record FeatureShift(String feature, double psi, double missingShare, double referenceMissingShare, int rows) {
    public FeatureShift {
        requireNonNull(feature, "feature is null");
    }
}
