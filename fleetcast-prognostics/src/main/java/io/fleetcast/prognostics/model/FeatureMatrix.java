package io.fleetcast.prognostics.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows of named numeric features, one row per example (an asset on a day, an engine at a cycle). A missing value is
 * NaN; the trees learn which way it goes. Immutable: arrays are copied on the way in and out.
 */
public final class FeatureMatrix {
    private final ImmutableList<String> names;
    private final int rows;
    /** Row-major: row r's feature f at {@code r * columns + f}. */
    private final double[] values;

    private FeatureMatrix(List<String> names, int rows, double[] values) {
        this.names = ImmutableList.copyOf(names);
        this.rows = rows;
        this.values = values;
    }

    /** A matrix of {@code rows}, each holding one value per name, in the names' order. */
    public static FeatureMatrix of(List<String> names, List<double[]> rows) {
        requireNonNull(names, "names is null");
        requireNonNull(rows, "rows is null");
        checkArgument(!names.isEmpty(), "a feature matrix needs at least one feature");
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            checkArgument(seen.add(name), "feature %s is named twice", name);
        }
        int columns = names.size();
        double[] values = new double[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            checkArgument(row.length == columns, "row %s has %s values for %s features", r, row.length, columns);
            for (int f = 0; f < columns; f++) {
                checkArgument(!Double.isInfinite(row[f]), "row %s feature %s is infinite", r, names.get(f));
            }
            System.arraycopy(row, 0, values, r * columns, columns);
        }
        return new FeatureMatrix(names, rows.size(), values);
    }

    public ImmutableList<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return names.size();
    }

    public double get(int row, int feature) {
        return values[row * names.size() + feature];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        checkArgument(row >= 0 && row < rows, "row %s outside [0, %s)", row, rows);
        int columns = names.size();
        return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
    }

    /** The rows at {@code indices}, in that order. */
    public FeatureMatrix select(int[] indices) {
        int columns = names.size();
        double[] selected = new double[indices.length * columns];
        for (int i = 0; i < indices.length; i++) {
            checkArgument(indices[i] >= 0 && indices[i] < rows, "row %s outside [0, %s)", indices[i], rows);
            System.arraycopy(values, indices[i] * columns, selected, i * columns, columns);
        }
        return new FeatureMatrix(names, indices.length, selected);
    }

    /** Only the features named, in the order given. */
    public FeatureMatrix keep(List<String> kept) {
        int[] columns = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            columns[k] = names.indexOf(kept.get(k));
            checkArgument(columns[k] >= 0, "no feature named %s", kept.get(k));
        }
        int width = names.size();
        double[] selected = new double[rows * columns.length];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < columns.length; k++) {
                selected[r * columns.length + k] = values[r * width + columns[k]];
            }
        }
        return new FeatureMatrix(kept, rows, selected);
    }
}
