package io.fleetcast.app.prognose;

import com.google.common.collect.ImmutableList;
import io.fleetcast.prognostics.model.FeatureMatrix;
import io.fleetcast.store.telemetry.SignalFeatures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The store's per-signal, per-window features turned into one row per asset and day: for each signal its last value
 * and change since the first reading, then per window its mean, std, min, max, slope, EWMA and threshold crossings,
 * and the asset's age. A feature the store left empty (a std of one reading, a signal not read that day) is missing.
 */
final class TrainingRows {
    private static final List<String> STATISTICS = List.of("mean", "std", "min", "max", "slope", "ewma", "crossings");

    private final ImmutableList<String> names;
    private final ImmutableList<AssetDay> keys;
    private final ImmutableList<double[]> rows;

    private TrainingRows(List<String> names, List<AssetDay> keys, List<double[]> rows) {
        this.names = ImmutableList.copyOf(names);
        this.keys = ImmutableList.copyOf(keys);
        this.rows = ImmutableList.copyOf(rows);
    }

    /** An asset on a day. */
    record AssetDay(String assetId, LocalDate day) implements Comparable<AssetDay> {
        @Override
        public int compareTo(AssetDay other) {
            int byAsset = assetId.compareTo(other.assetId);
            return byAsset != 0 ? byAsset : day.compareTo(other.day);
        }
    }

    /** Pivots {@code features}; rows are in asset, then day order. */
    static TrainingRows of(List<SignalFeatures> features) {
        TreeSet<String> signals = new TreeSet<>();
        TreeSet<Integer> windows = new TreeSet<>();
        for (SignalFeatures feature : features) {
            signals.add(feature.signal());
            windows.add(feature.window());
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> signalColumn = new LinkedHashMap<>();
        for (String signal : signals) {
            signalColumn.put(signal, names.size());
            names.add(signal + ":last");
            names.add(signal + ":since_first");
            for (int window : windows) {
                for (String statistic : STATISTICS) {
                    names.add(signal + ":" + statistic + "_" + window);
                }
            }
        }
        int age = names.size();
        names.add("age_days");
        List<Integer> windowOrder = new ArrayList<>(windows);
        Map<AssetDay, double[]> byKey = new TreeMap<>();
        for (SignalFeatures feature : features) {
            double[] row = byKey.computeIfAbsent(new AssetDay(feature.assetId(), feature.day()), key -> {
                double[] empty = new double[names.size()];
                Arrays.fill(empty, Double.NaN);
                return empty;
            });
            int base = signalColumn.getOrDefault(feature.signal(), 0);
            row[base] = feature.last();
            row[base + 1] = feature.sinceFirst();
            int at = base + 2 + windowOrder.indexOf(feature.window()) * STATISTICS.size();
            row[at] = feature.mean();
            row[at + 1] = orNaN(feature.std());
            row[at + 2] = feature.min();
            row[at + 3] = feature.max();
            row[at + 4] = orNaN(feature.slope());
            row[at + 5] = feature.ewma();
            Long crossings = feature.crossings();
            row[at + 6] = crossings == null ? Double.NaN : crossings;
            row[age] = feature.ageDays();
        }
        return new TrainingRows(names, new ArrayList<>(byKey.keySet()), new ArrayList<>(byKey.values()));
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    ImmutableList<String> names() {
        return names;
    }

    ImmutableList<AssetDay> keys() {
        return keys;
    }

    int size() {
        return keys.size();
    }

    double[] row(int index) {
        return rows.get(index).clone();
    }

    /** The value of row {@code index} at {@code column} ({@link #columnsOf}); -1 is missing. */
    double value(int index, int column) {
        return column < 0 ? Double.NaN : rows.get(index)[column];
    }

    /** Where each of {@code features} is in these rows' columns, -1 for one they lack; for {@link #aligned}. */
    int[] columnsOf(List<String> features) {
        int[] columns = new int[features.size()];
        for (int f = 0; f < features.size(); f++) {
            columns[f] = names.indexOf(features.get(f));
        }
        return columns;
    }

    /** Row {@code index} with the values of the features at {@code columns} ({@link #columnsOf}); -1 is missing. */
    double[] aligned(int index, int[] columns) {
        double[] values = rows.get(index);
        double[] row = new double[columns.length];
        for (int f = 0; f < columns.length; f++) {
            row[f] = columns[f] < 0 ? Double.NaN : values[columns[f]];
        }
        return row;
    }

    /** The rows at {@code indices} as a matrix. */
    FeatureMatrix matrix(List<Integer> indices) {
        List<double[]> selected = new ArrayList<>(indices.size());
        for (int index : indices) {
            selected.add(rows.get(index));
        }
        return FeatureMatrix.of(names, selected);
    }
}
