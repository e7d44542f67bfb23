package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A trained gradient-boosted model: a starting score and trees whose values add to it. For {@link Loss#LOGISTIC} the
 * sum is a log-odds and predictions are probabilities.
 */
public final class BoostedModel {
    private static final String FORMAT = "fleetcast-gradient-boosted-trees 1";

    private final Loss loss;
    private final ImmutableList<String> features;
    private final double initial;
    private final ImmutableList<Tree> trees;

    BoostedModel(Loss loss, List<String> features, double initial, List<Tree> trees) {
        this.loss = loss;
        this.features = ImmutableList.copyOf(features);
        this.initial = initial;
        this.trees = ImmutableList.copyOf(trees);
    }

    public Loss loss() {
        return loss;
    }

    /** The features a row must hold, in order. */
    public ImmutableList<String> features() {
        return features;
    }

    public int trees() {
        return trees.size();
    }

    /** The model's score before any tree: the training mean, or its log-odds. */
    public double initial() {
        return initial;
    }

    /** The prediction for one row: the expected target, or the probability of 1. */
    public double predict(double[] row) {
        return predict(row, trees.size());
    }

    /** The prediction of the first {@code treeCount} trees only. */
    public double predict(double[] row, int treeCount) {
        checkArgument(row.length == features.size(), "row has %s values for %s features", row.length, features.size());
        checkArgument(
                treeCount >= 0 && treeCount <= trees.size(), "treeCount %s outside [0, %s]", treeCount, trees.size());
        double score = initial;
        for (int t = 0; t < treeCount; t++) {
            score += trees.get(t).predict(row);
        }
        return link(score);
    }

    /** Predictions for every row of {@code matrix}, whose features must be this model's. */
    public double[] predict(FeatureMatrix matrix) {
        checkArgument(
                matrix.names().equals(features),
                "the matrix's features %s are not the model's %s",
                matrix.names(),
                features);
        return IntStream.range(0, matrix.rows())
                .parallel()
                .mapToDouble(r -> predict(matrix.row(r)))
                .toArray();
    }

    /**
     * Why the model scores {@code row} as it does: per feature, the change of score its splits made along the row's
     * path in every tree, and last the starting score plus each tree's root value. They add up to the score: the
     * prediction itself for squared error, its log-odds for logistic loss.
     */
    public double[] contributions(double[] row) {
        checkArgument(row.length == features.size(), "row has %s values for %s features", row.length, features.size());
        double[] contributions = new double[features.size() + 1];
        contributions[features.size()] = initial;
        for (Tree tree : trees) {
            tree.contribute(row, contributions);
        }
        return contributions;
    }

    /** Each feature's share of the loss reduction its splits made over all trees, largest first; shares sum to 1. */
    public ImmutableMap<String, Double> importance() {
        double[] gains = new double[features.size()];
        for (Tree tree : trees) {
            for (int node = 0; node < tree.nodes(); node++) {
                if (!tree.isLeaf(node)) {
                    gains[tree.feature(node)] += tree.gain(node);
                }
            }
        }
        double total = 0;
        for (double gain : gains) {
            total += gain;
        }
        double sum = total;
        ImmutableMap.Builder<String, Double> shares = ImmutableMap.builder();
        IntStream.range(0, gains.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> -gains[f]).thenComparing(f -> f))
                .forEach(f -> shares.put(features.get(f), sum > 0 ? gains[f] / sum : 0.0));
        return shares.buildOrThrow();
    }

    /**
     * The model as text, read back exactly by {@link #parse}: a header, the loss, the starting score, the features one
     * per line, then each tree's nodes one per line (feature, threshold, bin, missing-left, children, value, gain).
     */
    public String write() {
        StringBuilder out = new StringBuilder();
        out.append(FORMAT).append('\n');
        out.append("loss ").append(loss.name()).append('\n');
        out.append("initial ").append(initial).append('\n');
        out.append("features ").append(features.size()).append('\n');
        for (String feature : features) {
            out.append(feature).append('\n');
        }
        out.append("trees ").append(trees.size()).append('\n');
        for (Tree tree : trees) {
            tree.write(out);
        }
        return out.toString();
    }

    /** Reads what {@link #write} wrote. */
    public static BoostedModel parse(String text) {
        List<String> lines = text.lines().toList();
        int[] at = {0};
        try {
            checkArgument(next(lines, at).equals(FORMAT), "not a Fleetcast model (expected the line %s)", FORMAT);
            Loss loss = Loss.valueOf(value(next(lines, at), "loss"));
            double initial = Double.parseDouble(value(next(lines, at), "initial"));
            int count = Integer.parseInt(value(next(lines, at), "features"));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(next(lines, at));
            }
            int treeCount = Integer.parseInt(value(next(lines, at), "trees"));
            List<Tree> trees = new ArrayList<>();
            for (int t = 0; t < treeCount; t++) {
                trees.add(Tree.parse(lines, at, names.size()));
            }
            return new BoostedModel(loss, names, initial, trees);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a malformed model near line " + (at[0] + 1) + ": " + e.getMessage(), e);
        }
    }

    static String next(List<String> lines, int[] at) {
        checkArgument(at[0] < lines.size(), "the model ends early at line %s", at[0] + 1);
        return lines.get(at[0]++);
    }

    private static String value(String line, String key) {
        checkArgument(line.startsWith(key + " "), "expected '%s ...', got '%s'", key, line);
        return line.substring(key.length() + 1);
    }

    private double link(double score) {
        return loss == Loss.LOGISTIC ? 1 / (1 + Math.exp(-score)) : score;
    }
}
