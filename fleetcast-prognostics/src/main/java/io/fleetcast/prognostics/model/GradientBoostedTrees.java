package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Gradient-boosted regression trees over binned features, as histogram boosters (LightGBM, scikit-learn's
 * HistGradientBoosting) grow them. Each round fits one tree to the loss's gradients and Hessians (second-order, like
 * XGBoost): a leaf's value is −G / (H + λ), a split's gain G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ). Trees grow
 * best-first up to the leaf limit; a child's histogram is the parent's less its sibling's, so only the smaller child
 * is counted. Missing values go to whichever side gains more. Training is deterministic for a seed: histograms are
 * summed per feature in row order, whatever the threads.
 */
public final class GradientBoostedTrees {
    /** Fewer rows than this in a node are counted on one thread. */
    private static final int PARALLEL_ROWS = 4096;

    private static final double MIN_HESSIAN = 1e-12;

    private GradientBoostedTrees() {}

    /** Trains a model on {@code matrix}'s rows and their {@code targets}, every row weighing 1. */
    public static BoostedModel fit(FeatureMatrix matrix, double[] targets, BoostingParameters parameters) {
        double[] weights = new double[targets.length];
        Arrays.fill(weights, 1);
        return fit(matrix, targets, weights, parameters, round -> {});
    }

    /**
     * Trains a model, each row's gradient and Hessian multiplied by its weight.
     *
     * @param progress told each finished round (1-based)
     */
    public static BoostedModel fit(
            FeatureMatrix matrix,
            double[] targets,
            double[] weights,
            BoostingParameters parameters,
            IntConsumer progress) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(parameters, "parameters is null");
        int rows = matrix.rows();
        checkArgument(rows >= 2, "training needs at least 2 rows, got %s", rows);
        checkArgument(targets.length == rows, "%s targets for %s rows", targets.length, rows);
        checkArgument(weights.length == rows, "%s weights for %s rows", weights.length, rows);
        double weightSum = 0;
        double weighted = 0;
        for (int r = 0; r < rows; r++) {
            checkArgument(Double.isFinite(targets[r]), "target of row %s is %s", r, Double.valueOf(targets[r]));
            checkArgument(
                    weights[r] >= 0 && Double.isFinite(weights[r]),
                    "weight of row %s is %s",
                    r,
                    Double.valueOf(weights[r]));
            if (parameters.loss() == Loss.LOGISTIC) {
                checkArgument(
                        targets[r] == 0 || targets[r] == 1,
                        "logistic targets are 0 or 1; row %s is %s",
                        r,
                        Double.valueOf(targets[r]));
            }
            weightSum += weights[r];
            weighted += weights[r] * targets[r];
        }
        checkArgument(weightSum > 0, "the weights sum to 0");
        double mean = weighted / weightSum;
        double initial;
        if (parameters.loss() == Loss.LOGISTIC) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, mean));
            initial = Math.log(p / (1 - p));
        } else {
            initial = mean;
        }
        FeatureBins bins = FeatureBins.of(matrix, parameters.bins());
        Grower grower = new Grower(bins, bins.binned(matrix), parameters);
        double[] score = new double[rows];
        Arrays.fill(score, initial);
        double[] gradient = new double[rows];
        double[] hessian = new double[rows];
        SplittableRandom random = new SplittableRandom(parameters.seed());
        List<Tree> trees = new ArrayList<>();
        int[] all = IntStream.range(0, rows).toArray();
        for (int round = 0; round < parameters.trees(); round++) {
            for (int r = 0; r < rows; r++) {
                if (parameters.loss() == Loss.LOGISTIC) {
                    double p = 1 / (1 + Math.exp(-score[r]));
                    gradient[r] = weights[r] * (p - targets[r]);
                    hessian[r] = weights[r] * Math.max(p * (1 - p), MIN_HESSIAN);
                } else {
                    gradient[r] = weights[r] * (score[r] - targets[r]);
                    hessian[r] = weights[r];
                }
            }
            int[] sample = parameters.rowSample() < 1 ? sample(all, parameters.rowSample(), random) : all.clone();
            boolean[] usable = features(bins.features(), parameters.featureSample(), random);
            Tree tree = grower.grow(sample, gradient, hessian, usable);
            grower.addTo(tree, score);
            trees.add(tree);
            progress.accept(round + 1);
        }
        return new BoostedModel(parameters.loss(), matrix.names(), initial, trees);
    }

    /** A share of the rows, drawn without replacement, in row order. */
    private static int[] sample(int[] all, double share, SplittableRandom random) {
        int count = Math.max(2, (int) Math.round(all.length * share));
        int[] shuffled = all.clone();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int[] chosen = Arrays.copyOf(shuffled, count);
        Arrays.sort(chosen);
        return chosen;
    }

    private static boolean[] features(int count, double share, SplittableRandom random) {
        boolean[] usable = new boolean[count];
        if (share >= 1) {
            Arrays.fill(usable, true);
            return usable;
        }
        int wanted = Math.max(1, (int) Math.round(count * share));
        int[] order = IntStream.range(0, count).toArray();
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(count - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            usable[order[i]] = true;
        }
        return usable;
    }

    /** Grows one tree at a time over the binned training rows. */
    private static final class Grower {
        private final FeatureBins bins;
        private final byte[][] binned;
        private final BoostingParameters parameters;

        Grower(FeatureBins bins, byte[][] binned, BoostingParameters parameters) {
            this.bins = bins;
            this.binned = binned;
            this.parameters = parameters;
        }

        Tree grow(int[] rows, double[] gradient, double[] hessian, boolean[] usable) {
            Nodes nodes = new Nodes();
            double g = 0;
            double h = 0;
            for (int row : rows) {
                g += gradient[row];
                h += hessian[row];
            }
            Histogram rootHistogram = histogram(rows, 0, rows.length, gradient, hessian, usable);
            Leaf root = new Leaf(nodes.add(value(g, h)), 0, rows.length, 0, g, h, rootHistogram);
            // Largest gain first; equal gains in node order, so the tree does not depend on the queue's internals.
            PriorityQueue<Leaf> open = new PriorityQueue<>((a, b) ->
                    a.gain() != b.gain() ? Double.compare(b.gain(), a.gain()) : Integer.compare(a.node, b.node));
            root.split = bestSplit(root, usable);
            if (root.split != null) {
                open.add(root);
            }
            int leaves = 1;
            while (leaves < parameters.maxLeaves() && !open.isEmpty()) {
                Leaf leaf = open.poll();
                Split split = requireNonNull(leaf.split);
                int middle = partition(rows, leaf, split);
                int leftCount = middle - leaf.start;
                int rightCount = leaf.end - middle;
                boolean leftSmaller = leftCount <= rightCount;
                Histogram small = leftSmaller
                        ? histogram(rows, leaf.start, middle, gradient, hessian, usable)
                        : histogram(rows, middle, leaf.end, gradient, hessian, usable);
                Histogram large = leaf.histogram.minus(small, usable, bins);
                Histogram leftHistogram = leftSmaller ? small : large;
                Histogram rightHistogram = leftSmaller ? large : small;
                int leftNode = nodes.add(value(split.leftGradient, split.leftHessian));
                int rightNode = nodes.add(value(leaf.gradient - split.leftGradient, leaf.hessian - split.leftHessian));
                nodes.split(leaf.node, split, bins.upperEdge(split.feature, split.bin), leftNode, rightNode);
                Leaf left = new Leaf(
                        leftNode,
                        leaf.start,
                        middle,
                        leaf.depth + 1,
                        split.leftGradient,
                        split.leftHessian,
                        leftHistogram);
                Leaf right = new Leaf(
                        rightNode,
                        middle,
                        leaf.end,
                        leaf.depth + 1,
                        leaf.gradient - split.leftGradient,
                        leaf.hessian - split.leftHessian,
                        rightHistogram);
                leaf.histogram = Histogram.EMPTY;
                leaves++;
                for (Leaf child : List.of(left, right)) {
                    child.split = bestSplit(child, usable);
                    if (child.split != null) {
                        open.add(child);
                    }
                }
            }
            return nodes.build();
        }

        private double value(double g, double h) {
            return -g / (h + parameters.l2()) * parameters.learningRate();
        }

        /** Moves the leaf's rows that go left to the front of its range; returns where the right ones start. */
        private int partition(int[] rows, Leaf leaf, Split split) {
            byte[] column = binned[split.feature];
            int[] right = new int[leaf.end - leaf.start];
            int kept = leaf.start;
            int moved = 0;
            for (int i = leaf.start; i < leaf.end; i++) {
                int row = rows[i];
                if (goesLeft(column[row] & 0xff, split.bin, split.missingLeft)) {
                    rows[kept++] = row;
                } else {
                    right[moved++] = row;
                }
            }
            System.arraycopy(right, 0, rows, kept, moved);
            return kept;
        }

        private static boolean goesLeft(int bin, int threshold, boolean missingLeft) {
            return bin == FeatureBins.MISSING ? missingLeft : bin <= threshold;
        }

        private Histogram histogram(
                int[] rows, int start, int end, double[] gradient, double[] hessian, boolean[] usable) {
            Histogram histogram = new Histogram(bins.features());
            IntConsumer count = f -> {
                if (!usable[f]) {
                    return;
                }
                byte[] column = binned[f];
                int base = f * FeatureBins.WIDTH;
                double[] sums = histogram.sums;
                int[] counts = histogram.counts;
                for (int i = start; i < end; i++) {
                    int row = rows[i];
                    int slot = base + (column[row] & 0xff);
                    sums[2 * slot] += gradient[row];
                    sums[2 * slot + 1] += hessian[row];
                    counts[slot]++;
                }
            };
            if (end - start >= PARALLEL_ROWS) {
                IntStream.range(0, bins.features()).parallel().forEach(count);
            } else {
                for (int f = 0; f < bins.features(); f++) {
                    count.accept(f);
                }
            }
            return histogram;
        }

        private @Nullable Split bestSplit(Leaf leaf, boolean[] usable) {
            int count = leaf.end - leaf.start;
            int minRows = parameters.minLeafRows();
            if (count < 2 * minRows || (parameters.maxDepth() > 0 && leaf.depth >= parameters.maxDepth())) {
                return null;
            }
            double lambda = parameters.l2();
            double parentScore = leaf.gradient * leaf.gradient / (leaf.hessian + lambda);
            Split best = null;
            double[] sums = leaf.histogram.sums;
            int[] counts = leaf.histogram.counts;
            for (int f = 0; f < bins.features(); f++) {
                if (!usable[f]) {
                    continue;
                }
                int base = f * FeatureBins.WIDTH;
                int missing = counts[base + FeatureBins.MISSING];
                double missingG = sums[2 * (base + FeatureBins.MISSING)];
                double missingH = sums[2 * (base + FeatureBins.MISSING) + 1];
                int last = bins.lastBin(f);
                double g = 0;
                double h = 0;
                int n = 0;
                for (int bin = 0; bin <= last; bin++) {
                    g += sums[2 * (base + bin)];
                    h += sums[2 * (base + bin) + 1];
                    n += counts[base + bin];
                    for (int side = 0; side < (missing > 0 ? 2 : 1); side++) {
                        boolean missingLeft = side == 1;
                        double leftG = missingLeft ? g + missingG : g;
                        double leftH = missingLeft ? h + missingH : h;
                        int leftN = missingLeft ? n + missing : n;
                        int rightN = count - leftN;
                        if (leftN < minRows || rightN < minRows) {
                            continue;
                        }
                        double rightG = leaf.gradient - leftG;
                        double rightH = leaf.hessian - leftH;
                        if (leftH < MIN_HESSIAN || rightH < MIN_HESSIAN) {
                            continue;
                        }
                        double gain =
                                leftG * leftG / (leftH + lambda) + rightG * rightG / (rightH + lambda) - parentScore;
                        if (gain > 1e-12 * Math.abs(parentScore) && (best == null || gain > best.gain)) {
                            best = new Split(f, bin, missingLeft, gain, leftG, leftH);
                        }
                    }
                }
            }
            return best;
        }

        /** Adds {@code tree}'s value for every training row to its score, going down by bins. */
        void addTo(Tree tree, double[] score) {
            IntStream.range(0, score.length).parallel().forEach(row -> {
                int node = 0;
                while (!tree.isLeaf(node)) {
                    node = tree.child(node, binned[tree.feature(node)][row] & 0xff);
                }
                score[row] += tree.value(node);
            });
        }
    }

    /** Gradient and Hessian sums and row counts per feature and bin. */
    private static final class Histogram {
        static final Histogram EMPTY = new Histogram(0);

        final double[] sums;
        final int[] counts;

        Histogram(int features) {
            sums = new double[2 * features * FeatureBins.WIDTH];
            counts = new int[features * FeatureBins.WIDTH];
        }

        Histogram minus(Histogram other, boolean[] usable, FeatureBins bins) {
            Histogram difference = new Histogram(bins.features());
            for (int f = 0; f < bins.features(); f++) {
                if (!usable[f]) {
                    continue;
                }
                int base = f * FeatureBins.WIDTH;
                for (int slot = base; slot < base + FeatureBins.WIDTH; slot++) {
                    difference.sums[2 * slot] = sums[2 * slot] - other.sums[2 * slot];
                    difference.sums[2 * slot + 1] = sums[2 * slot + 1] - other.sums[2 * slot + 1];
                    difference.counts[slot] = counts[slot] - other.counts[slot];
                }
            }
            return difference;
        }
    }

    private record Split(
            int feature, int bin, boolean missingLeft, double gain, double leftGradient, double leftHessian) {}

    /** A leaf of the growing tree, over {@code rows[start, end)}. */
    private static final class Leaf {
        final int node;
        final int start;
        final int end;
        final int depth;
        final double gradient;
        final double hessian;
        Histogram histogram;

        @Nullable
        Split split;

        Leaf(int node, int start, int end, int depth, double gradient, double hessian, Histogram histogram) {
            this.node = node;
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.gradient = gradient;
            this.hessian = hessian;
            this.histogram = histogram;
        }

        double gain() {
            return split == null ? 0 : split.gain;
        }
    }

    /** The growing tree's nodes. */
    private static final class Nodes {
        private double[] value = new double[8];
        private int[] feature = new int[8];
        private int[] bin = new int[8];
        private double[] threshold = new double[8];
        private boolean[] missingLeft = new boolean[8];
        private int[] left = new int[8];
        private int[] right = new int[8];
        private double[] gain = new double[8];
        private int size;

        int add(double value) {
            if (size == feature.length) {
                int grown = size * 2;
                feature = Arrays.copyOf(feature, grown);
                bin = Arrays.copyOf(bin, grown);
                threshold = Arrays.copyOf(threshold, grown);
                missingLeft = Arrays.copyOf(missingLeft, grown);
                left = Arrays.copyOf(left, grown);
                right = Arrays.copyOf(right, grown);
                gain = Arrays.copyOf(gain, grown);
                this.value = Arrays.copyOf(this.value, grown);
            }
            left[size] = -1;
            right[size] = -1;
            this.value[size] = value;
            return size++;
        }

        void split(int node, Split split, double edge, int leftNode, int rightNode) {
            feature[node] = split.feature;
            bin[node] = split.bin;
            threshold[node] = edge;
            missingLeft[node] = split.missingLeft;
            left[node] = leftNode;
            right[node] = rightNode;
            gain[node] = split.gain;
        }

        Tree build() {
            return new Tree(
                    Arrays.copyOf(feature, size),
                    Arrays.copyOf(threshold, size),
                    Arrays.copyOf(bin, size),
                    Arrays.copyOf(missingLeft, size),
                    Arrays.copyOf(left, size),
                    Arrays.copyOf(right, size),
                    Arrays.copyOf(value, size),
                    Arrays.copyOf(gain, size));
        }
    }
}
