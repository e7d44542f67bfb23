package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A tree of named series in which every parent is the sum of its children: the total at the root, aggregates below
 * it, the bottom series at the leaves (org → team → service, region → site → cluster). Every leaf is at the same,
 * bottom, level, so the bottom series are exactly the leaves. Immutable.
 *
 * <p>Nodes are ordered level by level from the root, children in the order they were declared; the bottom series come
 * last. That order indexes the rows of the summing matrix S and every node-indexed vector in this package.
 */
public final class Hierarchy implements Aggregation {
    private final ImmutableList<String> nodes;
    private final NodeIndex index;
    private final ImmutableMap<String, String> parentByNode;
    private final ImmutableMap<String, ImmutableList<String>> childrenByNode;
    private final ImmutableMap<String, Integer> levelByNode;
    private final int bottomCount;

    private Hierarchy(
            ImmutableList<String> nodes,
            ImmutableMap<String, String> parentByNode,
            ImmutableMap<String, ImmutableList<String>> childrenByNode,
            ImmutableMap<String, Integer> levelByNode) {
        this.nodes = nodes;
        this.parentByNode = parentByNode;
        this.childrenByNode = childrenByNode;
        this.levelByNode = levelByNode;
        this.index = NodeIndex.of(nodes);
        this.bottomCount = (int) nodes.stream()
                .filter(node -> requireNonNull(childrenByNode.get(node)).isEmpty())
                .count();
    }

    /** A builder: declare the root with {@link Builder#root}, then every other node with its parent, in any order. */
    public static Builder builder() {
        return new Builder();
    }

    /** All nodes, level by level from the root; the bottom series last. */
    @Override
    public ImmutableList<String> nodes() {
        return nodes;
    }

    /** The bottom series (the leaves), in node order: the columns of the summing matrix. */
    @Override
    public ImmutableList<String> bottomNodes() {
        return nodes.subList(nodes.size() - bottomCount, nodes.size());
    }

    /** n, the number of nodes. */
    @Override
    public int size() {
        return nodes.size();
    }

    /** m, the number of bottom series. */
    @Override
    public int bottomCount() {
        return bottomCount;
    }

    /** The root: the total of every bottom series. */
    @Override
    public String root() {
        return nodes.get(0);
    }

    @Override
    public boolean contains(String node) {
        return index.contains(node);
    }

    /**
     * The position of {@code node} in {@link #nodes()}.
     *
     * @throws IllegalArgumentException when the hierarchy has no such node
     */
    @Override
    public int indexOf(String node) {
        return index.indexOf(node);
    }

    /** The parent of {@code node}; empty for the root. */
    public Optional<String> parent(String node) {
        indexOf(node);
        return Optional.ofNullable(parentByNode.get(node));
    }

    /** The children of {@code node} in declaration order; empty for a bottom series. */
    public ImmutableList<String> children(String node) {
        indexOf(node);
        return requireNonNull(childrenByNode.get(node));
    }

    /** The level of {@code node}: 0 for the root, {@link #levels()} − 1 for the bottom series. */
    public int level(String node) {
        indexOf(node);
        return requireNonNull(levelByNode.get(node));
    }

    /** The number of levels, the root's and the bottom one included. */
    public int levels() {
        return level(nodes.get(nodes.size() - 1)) + 1;
    }

    /**
     * The summing matrix S, n × m (a fresh copy): {@code S[i][j]} is 1 when bottom series j lies under node i (or is
     * node i), else 0. Rows follow {@link #nodes()}, columns {@link #bottomNodes()}; coherent forecasts are exactly the
     * vectors S b.
     */
    @Override
    public double[][] summingMatrix() {
        int n = size();
        int firstBottom = n - bottomCount;
        double[][] s = new double[n][bottomCount];
        for (int j = 0; j < bottomCount; j++) {
            String node = nodes.get(firstBottom + j);
            while (true) {
                s[indexOf(node)][j] = 1;
                String parent = parentByNode.get(node);
                if (parent == null) {
                    break;
                }
                node = parent;
            }
        }
        return s;
    }

    /**
     * Adds up along the tree, children before their parents, so that every parent is exactly the floating-point sum of
     * its children.
     */
    @Override
    public void addUp(double[] values) {
        checkArgument(values.length == size(), "one value per node: %s, got %s", size(), values.length);
        for (int i = size() - bottomCount - 1; i >= 0; i--) {
            double sum = 0;
            for (String child : requireNonNull(childrenByNode.get(nodes.get(i)))) {
                sum += values[indexOf(child)];
            }
            values[i] = sum;
        }
    }

    /** Collects nodes and their parents; {@link #build()} checks that they form a hierarchy. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<@Nullable String> parents = new ArrayList<>();

        private Builder() {}

        /** Declares the root, the total of the hierarchy. */
        public Builder root(String name) {
            names.add(requireNonNull(name, "name is null"));
            parents.add(null);
            return this;
        }

        /** Declares node {@code name} as a child of {@code parent}. */
        public Builder node(String name, String parent) {
            names.add(requireNonNull(name, "name is null"));
            parents.add(requireNonNull(parent, "parent of " + name + " is null"));
            return this;
        }

        /**
         * The hierarchy.
         *
         * @throws IllegalArgumentException naming the offending node when there are no nodes, a name is blank or
         *     declared twice, a parent is not a declared node, there is not exactly one root, parents form a cycle, or
         *     a leaf is above the bottom level
         */
        public Hierarchy build() {
            checkArgument(!names.isEmpty(), "a hierarchy needs at least one node");
            Map<String, @Nullable String> parentOf = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                checkArgument(!name.isBlank(), "node %s has a blank name", i + 1);
                checkArgument(!parentOf.containsKey(name), "node \"%s\" is declared twice", name);
                parentOf.put(name, parents.get(i));
            }
            Map<String, List<String>> children = new LinkedHashMap<>();
            List<String> roots = new ArrayList<>();
            for (String name : parentOf.keySet()) {
                children.put(name, new ArrayList<>());
            }
            for (Map.Entry<String, @Nullable String> entry : parentOf.entrySet()) {
                String parent = entry.getValue();
                if (parent == null) {
                    roots.add(entry.getKey());
                } else {
                    List<String> siblings = children.get(parent);
                    checkArgument(
                            siblings != null,
                            "node \"%s\" has parent \"%s\", which is not a node of the hierarchy",
                            entry.getKey(),
                            parent);
                    siblings.add(entry.getKey());
                }
            }
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("the hierarchy has no root (a node declared without a parent): "
                        + cycleFrom(names.get(0), parentOf));
            }
            checkArgument(
                    roots.size() == 1,
                    "the hierarchy has %s roots (%s); it needs exactly one, the total",
                    roots.size(),
                    roots.stream().map(root -> "\"" + root + "\"").collect(Collectors.joining(", ")));

            ImmutableList.Builder<String> order = ImmutableList.builder();
            Map<String, Integer> levels = new LinkedHashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(roots.get(0));
            levels.put(roots.get(0), 0);
            while (!queue.isEmpty()) {
                String node = queue.removeFirst();
                order.add(node);
                for (String child : requireNonNull(children.get(node))) {
                    levels.put(child, requireNonNull(levels.get(node)) + 1);
                    queue.addLast(child);
                }
            }
            for (String name : parentOf.keySet()) {
                if (!levels.containsKey(name)) {
                    // Each node has one parent, so a node the root does not reach climbs into a cycle.
                    throw new IllegalArgumentException(
                            "node \"" + name + "\" is not under the root: " + cycleFrom(name, parentOf));
                }
            }
            int bottomLevel =
                    levels.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (Map.Entry<String, Integer> entry : levels.entrySet()) {
                checkArgument(
                        !requireNonNull(children.get(entry.getKey())).isEmpty() || entry.getValue() == bottomLevel,
                        "leaf \"%s\" is at level %s but the bottom level is %s: every bottom series must be at the"
                                + " bottom level (give it a single child that carries it down)",
                        entry.getKey(),
                        entry.getValue(),
                        bottomLevel);
            }
            ImmutableMap.Builder<String, String> parentByNode = ImmutableMap.builder();
            ImmutableMap.Builder<String, ImmutableList<String>> childrenByNode = ImmutableMap.builder();
            ImmutableMap.Builder<String, Integer> levelByNode = ImmutableMap.builder();
            ImmutableList<String> nodes = order.build();
            for (String node : nodes) {
                String parent = parentOf.get(node);
                if (parent != null) {
                    parentByNode.put(node, parent);
                }
                childrenByNode.put(node, ImmutableList.copyOf(requireNonNull(children.get(node))));
                levelByNode.put(node, requireNonNull(levels.get(node)));
            }
            return new Hierarchy(
                    nodes, parentByNode.buildOrThrow(), childrenByNode.buildOrThrow(), levelByNode.buildOrThrow());
        }

        /** "parents form a cycle: a → b → a", following parents from {@code start} until a node repeats. */
        private static String cycleFrom(String start, Map<String, @Nullable String> parentOf) {
            Set<String> seen = new LinkedHashSet<>();
            String node = start;
            while (seen.add(node)) {
                node = requireNonNull(parentOf.get(node));
            }
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String visited : seen) {
                inCycle |= visited.equals(node);
                if (inCycle) {
                    cycle.add("\"" + visited + "\"");
                }
            }
            cycle.add("\"" + node + "\"");
            return "parents form a cycle: " + String.join(" → ", cycle);
        }
    }
}
