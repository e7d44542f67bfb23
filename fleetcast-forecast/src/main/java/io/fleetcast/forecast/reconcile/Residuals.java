package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-sample one-step forecast errors (observation minus one-step fitted value) of the nodes of a hierarchy over the
 * same training periods: a time × node matrix. MinT estimates the covariance of base forecast errors from it. Every
 * node has the same number of rows, at least one, all finite: drop the periods where a model has no fitted value (for
 * example its first observations) from every node alike before building this. Immutable.
 */
public final class Residuals {
    private final ImmutableMap<String, double[]> byNode;
    private final int rows;

    private Residuals(ImmutableMap<String, double[]> byNode, int rows) {
        this.byNode = byNode;
        this.rows = rows;
    }

    /**
     * The residual matrix {@code timeByNode} (copied): row t holds period t's errors, column j those of
     * {@code nodes.get(j)}.
     *
     * @throws IllegalArgumentException when there are no rows, a node is named twice, a row has not one value per node
     *     or a value is not finite (the message names the row and node)
     */
    public static Residuals of(List<String> nodes, double[][] timeByNode) {
        checkArgument(timeByNode.length > 0, "residuals need at least one row");
        Map<String, double[]> byNode = new LinkedHashMap<>();
        for (int j = 0; j < nodes.size(); j++) {
            double[] column = new double[timeByNode.length];
            for (int t = 0; t < timeByNode.length; t++) {
                checkArgument(
                        timeByNode[t].length == nodes.size(),
                        "residual row %s has %s values; expected one per node, %s",
                        t + 1,
                        timeByNode[t].length,
                        nodes.size());
                column[t] = timeByNode[t][j];
            }
            String node = requireNonNull(nodes.get(j), "node name is null");
            checkArgument(byNode.put(node, column) == null, "residuals name node \"%s\" twice", node);
        }
        return ofColumns(byNode);
    }

    /**
     * The residuals of each node over time, oldest first (copied), in the map's iteration order.
     *
     * @throws IllegalArgumentException when there are no rows, nodes have different numbers of rows or a value is not
     *     finite (the message names the node and row)
     */
    public static Residuals ofColumns(Map<String, double[]> byNode) {
        checkArgument(!byNode.isEmpty(), "residuals need at least one node");
        int rows = byNode.values().iterator().next().length;
        checkArgument(rows > 0, "residuals need at least one row");
        ImmutableMap.Builder<String, double[]> copy = ImmutableMap.builder();
        for (Map.Entry<String, double[]> entry : byNode.entrySet()) {
            double[] column = entry.getValue();
            checkArgument(
                    column.length == rows,
                    "node \"%s\" has %s residuals but the others have %s; every node needs the same periods",
                    entry.getKey(),
                    column.length,
                    rows);
            for (int t = 0; t < rows; t++) {
                checkArgument(
                        Double.isFinite(column[t]),
                        "residual %s of node \"%s\" is %s; every residual must be a finite number",
                        t + 1,
                        entry.getKey(),
                        column[t]);
            }
            copy.put(entry.getKey(), column.clone());
        }
        return new Residuals(copy.buildOrThrow(), rows);
    }

    /** T, the number of periods. */
    public int rows() {
        return rows;
    }

    /** The nodes, in the order given. */
    public ImmutableList<String> nodes() {
        return byNode.keySet().asList();
    }

    /**
     * The residuals of {@code node} over time (a copy).
     *
     * @throws IllegalArgumentException when there are none for {@code node}
     */
    public double[] column(String node) {
        double[] column = byNode.get(node);
        checkArgument(column != null, "no residuals for node \"%s\"", node);
        return column.clone();
    }
}
