package io.fleetcast.prognostics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** How well risk scores rank the assets that did fail above those that did not. */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * The area under the precision-recall curve as average precision: the sum over score thresholds, highest first,
     * of the recall gained times the precision there, assets with equal scores taken together (as scikit-learn's
     * {@code average_precision_score}). NaN with no failures.
     */
    public static double averagePrecision(double[] scores, boolean[] failed) {
        check(scores, failed);
        Integer[] order = byScore(scores);
        int positives = 0;
        for (boolean value : failed) {
            positives += value ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double precisionSum = 0;
        int truePositives = 0;
        int seen = 0;
        int i = 0;
        while (i < order.length) {
            int gained = 0;
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                gained += failed[order[j]] ? 1 : 0;
                j++;
            }
            seen += j - i;
            truePositives += gained;
            precisionSum += gained * ((double) truePositives / seen);
            i = j;
        }
        return precisionSum / positives;
    }

    /** The share of the {@code k} highest scores that failed (ties broken by position, first first). */
    public static double precisionAt(int k, double[] scores, boolean[] failed) {
        check(scores, failed);
        checkArgument(k >= 1 && k <= scores.length, "k must be in [1, %s], got %s", scores.length, k);
        Integer[] order = byScore(scores);
        int hits = 0;
        for (int i = 0; i < k; i++) {
            hits += failed[order[i]] ? 1 : 0;
        }
        return (double) hits / k;
    }

    private static Integer[] byScore(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        return order;
    }

    private static void check(double[] scores, boolean[] failed) {
        checkArgument(scores.length == failed.length, "%s scores for %s outcomes", scores.length, failed.length);
        checkArgument(scores.length > 0, "no scores to rank");
        for (double score : scores) {
            checkArgument(!Double.isNaN(score), "a score is NaN");
        }
    }
}
