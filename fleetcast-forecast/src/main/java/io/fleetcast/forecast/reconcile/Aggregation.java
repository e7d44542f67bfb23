package io.fleetcast.forecast.reconcile;

import com.google.common.collect.ImmutableList;

/**
 * Named series that add up: bottom series, and aggregates each the sum of some of them. A {@link Hierarchy} is one tree
 * of them; a {@link GroupedHierarchy} crosses several trees over the same bottom series (services and clusters).
 *
 * <p>Nodes are ordered with the total first and the bottom series last; that order indexes the rows of the summing
 * matrix S and every node-indexed vector in this package.
 */
public sealed interface Aggregation permits Hierarchy, GroupedHierarchy {
    /** All nodes: the total first, the bottom series last. */
    ImmutableList<String> nodes();

    /** m, the number of bottom series. */
    int bottomCount();

    /** n, the number of nodes. */
    default int size() {
        return nodes().size();
    }

    /** The bottom series, in node order: the columns of the summing matrix. */
    default ImmutableList<String> bottomNodes() {
        return nodes().subList(size() - bottomCount(), size());
    }

    /** The total of every bottom series. */
    default String root() {
        return nodes().get(0);
    }

    boolean contains(String node);

    /**
     * The position of {@code node} in {@link #nodes()}.
     *
     * @throws IllegalArgumentException when there is no such node
     */
    int indexOf(String node);

    /**
     * The summing matrix S, n × m (a fresh copy): {@code S[i][j]} is 1 when bottom series j lies under node i (or is
     * node i), else 0. Coherent forecasts are exactly the vectors S b.
     */
    double[][] summingMatrix();

    /**
     * Sets every aggregate of {@code values} (one per node, in node order) to the sum of what lies under it, from the
     * bottom series' values, which come last.
     */
    void addUp(double[] values);
}
