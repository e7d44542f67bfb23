package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * Embedded feature selection by gain: fit the trees on every feature, keep the {@code keep} features that made the
 * largest share of the loss reduction, and fit again on those alone. Fewer features leave fewer chances to split on
 * noise, which matters when failures are few and features many. Choose {@code keep} by validation on data the
 * selection did not see (the app does it inside each training fold).
 */
public final class FeatureSelection {
    private FeatureSelection() {}

    /** The {@code keep} features of {@code model} with the largest share of the gain, largest first. */
    public static List<String> top(BoostedModel model, int keep) {
        checkArgument(keep >= 1, "keep at least one feature, got %s", keep);
        return model.importance().keySet().stream().limit(keep).toList();
    }

    /**
     * Trees on the {@code keep} most important features of trees fitted on all of them; the latter when {@code keep}
     * is not smaller than the number of features.
     */
    public static BoostedModel fit(
            FeatureMatrix matrix, double[] targets, double[] weights, BoostingParameters parameters, int keep) {
        BoostedModel all = GradientBoostedTrees.fit(matrix, targets, weights, parameters, round -> {});
        if (keep >= matrix.columns()) {
            return all;
        }
        return GradientBoostedTrees.fit(matrix.keep(top(all, keep)), targets, weights, parameters, round -> {});
    }
}
