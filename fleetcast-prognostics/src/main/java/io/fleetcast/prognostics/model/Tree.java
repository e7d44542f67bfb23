package io.fleetcast.prognostics.model;

import java.util.List;

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

    /** One line per node: feature, threshold, bin, missing-left, left, right, value, gain. */
    void write(StringBuilder out) {
        out.append("tree ").append(feature.length).append('\n');
        for (int node = 0; node < feature.length; node++) {
            out.append(feature[node])
                    .append(' ')
                    .append(threshold[node])
                    .append(' ')
                    .append(bin[node])
                    .append(' ')
                    .append(missingLeft[node] ? 1 : 0)
                    .append(' ')
                    .append(left[node])
                    .append(' ')
                    .append(right[node])
                    .append(' ')
                    .append(value[node])
                    .append(' ')
                    .append(gain[node])
                    .append('\n');
        }
    }

    /** Reads a tree {@link #write} wrote, from line {@code at[0]} on, checking its links. */
    static Tree parse(List<String> lines, int[] at, int features) {
        String header = BoostedModel.next(lines, at);
        if (!header.startsWith("tree ")) {
            throw new IllegalArgumentException("expected 'tree N', got '" + header + "'");
        }
        int nodes = Integer.parseInt(header.substring(5));
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] bin = new int[nodes];
        boolean[] missingLeft = new boolean[nodes];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        double[] value = new double[nodes];
        double[] gain = new double[nodes];
        for (int node = 0; node < nodes; node++) {
            String[] cells = BoostedModel.next(lines, at).split(" ", -1);
            if (cells.length != 8) {
                throw new IllegalArgumentException("a tree node has 8 fields, got " + cells.length);
            }
            feature[node] = Integer.parseInt(cells[0]);
            threshold[node] = Double.parseDouble(cells[1]);
            bin[node] = Integer.parseInt(cells[2]);
            missingLeft[node] = cells[3].equals("1");
            left[node] = Integer.parseInt(cells[4]);
            right[node] = Integer.parseInt(cells[5]);
            value[node] = Double.parseDouble(cells[6]);
            gain[node] = Double.parseDouble(cells[7]);
            boolean leaf = left[node] < 0;
            if (!leaf
                    && (feature[node] < 0
                            || feature[node] >= features
                            || left[node] <= node
                            || right[node] <= node
                            || left[node] >= nodes
                            || right[node] >= nodes)) {
                throw new IllegalArgumentException("tree node " + node + " links outside the tree");
            }
        }
        return new Tree(feature, threshold, bin, missingLeft, left, right, value, gain);
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
