package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How {@link GradientBoostedTrees} grows a model.
 *
 * @param loss what the model minimises
 * @param trees boosting rounds
 * @param learningRate shrinkage of each tree's values, in (0, 1]
 * @param maxLeaves leaves per tree; trees grow best-first, splitting the leaf that gains most
 * @param maxDepth deepest split allowed (0: no limit besides the leaves)
 * @param minLeafRows fewest training rows a leaf may hold
 * @param l2 L2 penalty on leaf values (λ), at least 0
 * @param rowSample share of rows each tree learns from, drawn without replacement, in (0, 1]
 * @param featureSample share of features each tree may split on, in (0, 1]
 * @param bins most value bins per feature (at most 255); values are cut at quantiles, missing values have their own
 * @param seed for the row and feature draws: the same data, parameters and seed give the same model
 */
public record BoostingParameters(
        Loss loss,
        int trees,
        double learningRate,
        int maxLeaves,
        int maxDepth,
        int minLeafRows,
        double l2,
        double rowSample,
        double featureSample,
        int bins,
        long seed) {
    public BoostingParameters {
        requireNonNull(loss, "loss is null");
        checkArgument(trees >= 1, "trees must be >= 1, got %s", trees);
        checkArgument(learningRate > 0 && learningRate <= 1, "learningRate must be in (0, 1], got %s", learningRate);
        checkArgument(maxLeaves >= 2, "maxLeaves must be >= 2, got %s", maxLeaves);
        checkArgument(maxDepth >= 0, "maxDepth must be >= 0, got %s", maxDepth);
        checkArgument(minLeafRows >= 1, "minLeafRows must be >= 1, got %s", minLeafRows);
        checkArgument(l2 >= 0, "l2 must be >= 0, got %s", l2);
        checkArgument(rowSample > 0 && rowSample <= 1, "rowSample must be in (0, 1], got %s", rowSample);
        checkArgument(
                featureSample > 0 && featureSample <= 1, "featureSample must be in (0, 1], got %s", featureSample);
        checkArgument(bins >= 2 && bins <= 255, "bins must be in [2, 255], got %s", bins);
    }

    /** Defaults much like common histogram boosters': 200 trees at 0.1, 31 leaves, 20 rows a leaf, 255 bins. */
    public static BoostingParameters defaults(Loss loss) {
        return new BoostingParameters(loss, 200, 0.1, 31, 0, 20, 1.0, 1.0, 1.0, 255, 1);
    }

    public BoostingParameters withTrees(int count) {
        return new BoostingParameters(
                loss, count, learningRate, maxLeaves, maxDepth, minLeafRows, l2, rowSample, featureSample, bins, seed);
    }

    public BoostingParameters withLearningRate(double rate) {
        return new BoostingParameters(
                loss, trees, rate, maxLeaves, maxDepth, minLeafRows, l2, rowSample, featureSample, bins, seed);
    }

    public BoostingParameters withLeaves(int leaves, int depth, int minRows) {
        return new BoostingParameters(
                loss, trees, learningRate, leaves, depth, minRows, l2, rowSample, featureSample, bins, seed);
    }

    public BoostingParameters withL2(double penalty) {
        return new BoostingParameters(
                loss,
                trees,
                learningRate,
                maxLeaves,
                maxDepth,
                minLeafRows,
                penalty,
                rowSample,
                featureSample,
                bins,
                seed);
    }

    public BoostingParameters withSampling(double rows, double features, long draws) {
        return new BoostingParameters(
                loss, trees, learningRate, maxLeaves, maxDepth, minLeafRows, l2, rows, features, bins, draws);
    }
}
