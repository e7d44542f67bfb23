package io.fleetcast.prognostics.model;

import java.util.Arrays;

/**
 * Each feature's values cut into at most 255 ordered bins at quantiles of the training data, so trees search bins
 * rather than values. Bin {@code i} holds the values in (edge[i-1], edge[i]]; the last bin everything above the last
 * edge. Missing values (NaN) go to bin {@link #MISSING}.
 */
final class FeatureBins {
    /** The bin of a missing value; every histogram has {@link #WIDTH} slots. */
    static final int MISSING = 255;

    static final int WIDTH = 256;

    /** Per feature, the increasing upper edges of all but its last bin. */
    private final double[][] edges;

    private FeatureBins(double[][] edges) {
        this.edges = edges;
    }

    /** Cuts each column of {@code matrix} into at most {@code bins} bins. */
    static FeatureBins of(FeatureMatrix matrix, int bins) {
        double[][] edges = new double[matrix.columns()][];
        double[] column = new double[matrix.rows()];
        for (int f = 0; f < matrix.columns(); f++) {
            int present = 0;
            for (int r = 0; r < matrix.rows(); r++) {
                double value = matrix.get(r, f);
                if (!Double.isNaN(value)) {
                    column[present++] = value;
                }
            }
            double[] sorted = Arrays.copyOf(column, present);
            Arrays.sort(sorted);
            edges[f] = cut(sorted, bins);
        }
        return new FeatureBins(edges);
    }

    /** Edges between distinct values when there are few; else at the values found at each 1/bins quantile. */
    private static double[] cut(double[] sorted, int bins) {
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        double[] edges = new double[Math.max(0, Math.min(distinct, bins) - 1)];
        int count = 0;
        if (distinct <= bins) {
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    edges[count++] = midpoint(sorted[i - 1], sorted[i]);
                }
            }
            return edges;
        }
        for (int k = 1; k < bins; k++) {
            int index = (int) ((long) k * sorted.length / bins);
            // The edge sits between the quantile's value and the next larger one, so equal values share a bin.
            double value = sorted[Math.max(0, index - 1)];
            int next = index;
            while (next < sorted.length && sorted[next] == value) {
                next++;
            }
            if (next >= sorted.length) {
                break;
            }
            double edge = midpoint(value, sorted[next]);
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        return Arrays.copyOf(edges, count);
    }

    private static double midpoint(double low, double high) {
        double middle = low + (high - low) / 2;
        return middle < high ? middle : low;
    }

    int features() {
        return edges.length;
    }

    /** The highest non-missing bin of {@code feature}. */
    int lastBin(int feature) {
        return edges[feature].length;
    }

    /** The largest value in bins up to {@code bin} of {@code feature} (infinity for its last bin). */
    double upperEdge(int feature, int bin) {
        double[] cut = edges[feature];
        return bin < cut.length ? cut[bin] : Double.POSITIVE_INFINITY;
    }

    int bin(int feature, double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double[] cut = edges[feature];
        int low = 0;
        int high = cut.length;
        // First edge at or above the value.
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cut[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The matrix's bins, column by column: {@code [feature][row]}, each an unsigned byte. */
    byte[][] binned(FeatureMatrix matrix) {
        byte[][] binned = new byte[matrix.columns()][matrix.rows()];
        for (int f = 0; f < matrix.columns(); f++) {
            for (int r = 0; r < matrix.rows(); r++) {
                binned[f][r] = (byte) bin(f, matrix.get(r, f));
            }
        }
        return binned;
    }
}
