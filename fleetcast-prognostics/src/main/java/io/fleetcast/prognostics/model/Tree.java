package io.fleetcast.prognostics.model;

/**
 * One regression tree of a boosted model. Node 0 is the root; a leaf has no children. Every node keeps the value it
 * would predict as a leaf, so a prediction can be split into each split's contribution.
 */
final class Tree {
    private final int[] feature;
    private final double[] threshold;
    /** The training bins that go left: those up to this one. */
    private final int[] bin;

    private final boolean[] missingLeft;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final double[] gain;

    Tree(
            int[] feature,
            double[] threshold,
            int[] bin,
            boolean[] missingLeft,
            int[] left,
            int[] right,
            double[] value,
            double[] gain) {
        this.feature = feature;
        this.threshold = threshold;
        this.bin = bin;
        this.missingLeft = missingLeft;
        this.left = left;
        this.right = right;
        this.value = value;
        this.gain = gain;
    }

    int nodes() {
        return feature.length;
    }

    boolean isLeaf(int node) {
        return left[node] < 0;
    }

    int feature(int node) {
        return feature[node];
    }

    double threshold(int node) {
        return threshold[node];
    }

    double gain(int node) {
        return gain[node];
    }

    double value(int node) {
        return value[node];
    }

    /** The child a training row in {@code rowBin} of the node's feature goes to. */
    int child(int node, int rowBin) {
        if (rowBin == FeatureBins.MISSING) {
            return missingLeft[node] ? left[node] : right[node];
        }
        return rowBin <= bin[node] ? left[node] : right[node];
    }

    private int child(int node, double x) {
        if (Double.isNaN(x)) {
            return missingLeft[node] ? left[node] : right[node];
        }
        return x <= threshold[node] ? left[node] : right[node];
    }

    /** The leaf value for {@code row}. */
    double predict(double[] row) {
        int node = 0;
        while (!isLeaf(node)) {
            node = child(node, row[feature[node]]);
        }
        return value[node];
    }

    /** Adds each split's change of value along {@code row}'s path to its feature's slot; the root's value to the last. */
    void contribute(double[] row, double[] contributions) {
        int node = 0;
        contributions[contributions.length - 1] += value[0];
        while (!isLeaf(node)) {
            int next = child(node, row[feature[node]]);
            contributions[feature[node]] += value[next] - value[node];
            node = next;
        }
    }
}
