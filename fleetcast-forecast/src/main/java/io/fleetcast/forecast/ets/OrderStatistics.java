package io.fleetcast.forecast.ets;

import java.util.Arrays;

/**
 * Puts chosen order statistics of a sample in their sorted places without sorting the rest: quickselect (Hoare's
 * partition, median-of-three pivots), once per wanted rank, each time within the part that rank must lie in; a rank at
 * either end of its part is the part's least or greatest value, found in one scan. The simulated forecast intervals
 * need 8 order statistics of 2000 draws per step (pairs of neighbouring ranks), where a full sort costs several times
 * more.
 */
final class OrderStatistics {
    private OrderStatistics() {}

    /**
     * Rearranges {@code values} so that, for each of {@code ranks} (ascending, 0-based), {@code values[rank]} holds
     * what {@link Arrays#sort(double[])} would put there. With a NaN or a zero among the values it simply sorts: the
     * comparisons below neither order NaN nor tell -0.0 from 0.0 as that sort does.
     */
    static void place(double[] values, int... ranks) {
        for (double value : values) {
            if (Double.isNaN(value) || value == 0) {
                Arrays.sort(values);
                return;
            }
        }
        place(values, 0, values.length - 1, ranks, 0, ranks.length);
    }

    /** Places {@code ranks[lo..hi)}, which all lie in {@code from..to}. */
    private static void place(double[] values, int from, int to, int[] ranks, int lo, int hi) {
        if (lo >= hi) {
            return;
        }
        int middle = (lo + hi) >>> 1;
        int rank = ranks[middle];
        select(values, from, to, rank);
        place(values, from, rank - 1, ranks, lo, middle);
        place(values, rank + 1, to, ranks, middle + 1, hi);
    }

    /**
     * Rearranges {@code values[from..to]} so that {@code values[rank]} holds its sorted value, with no larger value
     * before it and no smaller one after it.
     */
    private static void select(double[] values, int from, int to, int rank) {
        // One scan, whose comparisons rarely change their outcome, where partitioning would mispredict about every
        // other one. The neighbour of a rank already placed lies at an end of its part.
        if (rank == from || rank == to) {
            int extreme = rank;
            for (int i = from; i <= to; i++) {
                if (rank == from ? values[i] < values[extreme] : values[i] > values[extreme]) {
                    extreme = i;
                }
            }
            swap(values, rank, extreme);
            return;
        }
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] < values[low]) {
                swap(values, middle, low);
            }
            if (values[high] < values[low]) {
                swap(values, high, low);
            }
            if (values[high] < values[middle]) {
                swap(values, high, middle);
            }
            double pivot = values[middle];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (pivot < values[j]) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            // Now values[low..j] <= pivot <= values[i..high], and whatever lies between equals the pivot.
            if (rank <= j) {
                high = j;
            } else if (rank >= i) {
                low = i;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] values, int i, int j) {
        double value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
