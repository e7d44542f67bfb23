package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bottom series grouped by several trees at once, all under one total: demand by service and cluster adds up both along
 * org → team → service and along region → site → cluster (a grouped structure, in Hyndman and Athanasopoulos' words).
 * Every aggregate belongs to one tree and has one parent in it; the bottom series are the leaves of every tree.
 * Immutable.
 *
 * <p>Nodes are ordered with the total first, then each tree's aggregates level by level (tree by tree, in the order the
 * bottom series' paths give them), then the bottom series in declaration order.
 */
public final class GroupedHierarchy implements Aggregation {
    private final ImmutableList<String> nodes;
    private final NodeIndex index;
    private final int bottomCount;
    private final int trees;
    /** For each aggregate (by node index), the indices among the bottom series of those under it. */
    private final int[][] members;
    /** For each tree, each node's children in it (the total's and every aggregate's of the tree; none for a leaf). */
    private final ImmutableList<ImmutableMap<String, ImmutableList<String>>> childrenByTree;

    private GroupedHierarchy(
            ImmutableList<String> nodes,
            int bottomCount,
            int[][] members,
            ImmutableList<ImmutableMap<String, ImmutableList<String>>> childrenByTree) {
        this.nodes = nodes;
        this.bottomCount = bottomCount;
        this.members = members;
        this.childrenByTree = childrenByTree;
        this.trees = childrenByTree.size();
        this.index = NodeIndex.of(nodes);
    }

    /** A builder for the structure whose total is named {@code total}. */
    public static Builder builder(String total) {
        return new Builder(total);
    }

    @Override
    public ImmutableList<String> nodes() {
        return nodes;
    }

    @Override
    public int bottomCount() {
        return bottomCount;
    }

    @Override
    public boolean contains(String node) {
        return index.contains(node);
    }

    @Override
    public int indexOf(String node) {
        return index.indexOf(node);
    }

    /** The number of trees that group the bottom series. */
    public int trees() {
        return trees;
    }

    /**
     * The children of {@code node} in tree {@code tree} (0-based): for the total, the tree's top aggregates; empty for
     * a bottom series and for an aggregate of another tree.
     */
    public ImmutableList<String> children(int tree, String node) {
        checkArgument(tree >= 0 && tree < trees, "tree %s: there are %s", tree, trees);
        indexOf(node);
        ImmutableList<String> children = childrenByTree.get(tree).get(node);
        return children == null ? ImmutableList.of() : children;
    }

    /** The bottom series under {@code node} (itself, for a bottom series), in node order. */
    public ImmutableList<String> members(String node) {
        int position = indexOf(node);
        int firstBottom = nodes.size() - bottomCount;
        if (position >= firstBottom) {
            return ImmutableList.of(node);
        }
        ImmutableList.Builder<String> under = ImmutableList.builder();
        for (int j : members[position]) {
            under.add(nodes.get(firstBottom + j));
        }
        return under.build();
    }

    @Override
    public double[][] summingMatrix() {
        int n = nodes.size();
        int firstBottom = n - bottomCount;
        double[][] s = new double[n][bottomCount];
        for (int i = 0; i < firstBottom; i++) {
            for (int j : members[i]) {
                s[i][j] = 1;
            }
        }
        for (int j = 0; j < bottomCount; j++) {
            s[firstBottom + j][j] = 1;
        }
        return s;
    }

    /** Adds each aggregate up from the bottom series under it, in node order. */
    @Override
    public void addUp(double[] values) {
        checkArgument(values.length == nodes.size(), "one value per node: %s, got %s", nodes.size(), values.length);
        int firstBottom = nodes.size() - bottomCount;
        for (int i = 0; i < firstBottom; i++) {
            double sum = 0;
            for (int j : members[i]) {
                sum += values[firstBottom + j];
            }
            values[i] = sum;
        }
    }

    /** Collects the bottom series with their path down each tree; {@link #build()} checks them. */
    public static final class Builder {
        private final String total;
        private final List<String> bottoms = new ArrayList<>();
        private final List<ImmutableList<ImmutableList<String>>> paths = new ArrayList<>();

        private Builder(String total) {
            this.total = requireNonNull(total, "total is null");
        }

        /**
         * Declares bottom series {@code name} with its path down each tree: the aggregates above it from the top (just
         * under the total) down to its parent, e.g. {@code [org:infra, team:storage, service:blob]} and {@code
         * [region:eu, site:eu-1, cluster:eu-1a]}. Every bottom series gives one path per tree, in the same tree order;
         * a path may be empty (the series sits right under the total in that tree).
         */
        public Builder bottom(String name, List<? extends List<String>> pathsDown) {
            bottoms.add(requireNonNull(name, "name is null"));
            ImmutableList.Builder<ImmutableList<String>> copied = ImmutableList.builder();
            for (List<String> path : pathsDown) {
                copied.add(ImmutableList.copyOf(path));
            }
            paths.add(copied.build());
            return this;
        }

        /**
         * The grouped hierarchy.
         *
         * @throws IllegalArgumentException naming the offending node when there are no bottom series, a name is blank
         *     or declared twice, a bottom series gives a different number of paths than the first, a name is used in
         *     two trees, as both an aggregate and a bottom series, or as the total, or an aggregate has two parents
         */
        public GroupedHierarchy build() {
            checkArgument(!total.isBlank(), "the total has a blank name");
            checkArgument(!bottoms.isEmpty(), "a grouped hierarchy needs at least one bottom series");
            int trees = paths.get(0).size();
            checkArgument(trees >= 1, "bottom series \"%s\" gives no path: name at least one tree", bottoms.get(0));
            Map<String, Integer> bottomIndex = new LinkedHashMap<>();
            for (int j = 0; j < bottoms.size(); j++) {
                String name = bottoms.get(j);
                checkArgument(!name.isBlank(), "bottom series %s has a blank name", j + 1);
                checkArgument(!name.equals(total), "bottom series \"%s\" has the total's name", name);
                checkArgument(bottomIndex.put(name, j) == null, "bottom series \"%s\" is declared twice", name);
                checkArgument(
                        paths.get(j).size() == trees,
                        "bottom series \"%s\" gives %s paths but \"%s\" gives %s; give one path per tree",
                        name,
                        paths.get(j).size(),
                        bottoms.get(0),
                        trees);
            }
            // Per tree: each aggregate's parent, its level, and the bottom series under it.
            List<Map<String, String>> parentByTree = new ArrayList<>();
            Map<String, Integer> treeOf = new LinkedHashMap<>();
            Map<String, Integer> levelOf = new LinkedHashMap<>();
            Map<String, List<Integer>> under = new LinkedHashMap<>();
            for (int tree = 0; tree < trees; tree++) {
                Map<String, String> parents = new LinkedHashMap<>();
                for (int j = 0; j < bottoms.size(); j++) {
                    String parent = total;
                    ImmutableList<String> path = paths.get(j).get(tree);
                    for (int level = 0; level < path.size(); level++) {
                        String node = requireNonNull(path.get(level), "a path holds a null name");
                        checkArgument(!node.isBlank(), "the path of \"%s\" holds a blank name", bottoms.get(j));
                        checkArgument(
                                !node.equals(total) && !bottomIndex.containsKey(node),
                                "\"%s\" is an aggregate in the path of \"%s\" but also %s",
                                node,
                                bottoms.get(j),
                                node.equals(total) ? "the total" : "a bottom series");
                        Integer otherTree = treeOf.putIfAbsent(node, tree);
                        checkArgument(
                                otherTree == null || otherTree == tree,
                                "\"%s\" is in tree %s and in tree %s; name each tree's aggregates apart",
                                node,
                                otherTree == null ? tree + 1 : otherTree + 1,
                                tree + 1);
                        String known = parents.putIfAbsent(node, parent);
                        checkArgument(
                                known == null || known.equals(parent),
                                "\"%s\" is under \"%s\" in the path of \"%s\" but under \"%s\" in an earlier one",
                                node,
                                parent,
                                bottoms.get(j),
                                known);
                        levelOf.put(node, level);
                        List<Integer> members = under.computeIfAbsent(node, key -> new ArrayList<>());
                        if (members.isEmpty() || members.get(members.size() - 1) != j) {
                            members.add(j);
                        }
                        parent = node;
                    }
                }
                parentByTree.add(parents);
            }
            ImmutableList.Builder<String> order = ImmutableList.builder();
            order.add(total);
            List<ImmutableMap<String, ImmutableList<String>>> childrenByTree = new ArrayList<>();
            for (int tree = 0; tree < trees; tree++) {
                Map<String, String> parents = parentByTree.get(tree);
                int deepest = parents.keySet().stream()
                        .mapToInt(node -> requireNonNull(levelOf.get(node)))
                        .max()
                        .orElse(-1);
                for (int level = 0; level <= deepest; level++) {
                    for (String node : parents.keySet()) {
                        if (requireNonNull(levelOf.get(node)) == level) {
                            order.add(node);
                        }
                    }
                }
                Map<String, List<String>> children = new LinkedHashMap<>();
                for (Map.Entry<String, String> entry : parents.entrySet()) {
                    children.computeIfAbsent(entry.getValue(), key -> new ArrayList<>())
                            .add(entry.getKey());
                }
                for (int j = 0; j < bottoms.size(); j++) {
                    ImmutableList<String> path = paths.get(j).get(tree);
                    String parent = path.isEmpty() ? total : path.get(path.size() - 1);
                    children.computeIfAbsent(parent, key -> new ArrayList<>()).add(bottoms.get(j));
                }
                ImmutableMap.Builder<String, ImmutableList<String>> frozen = ImmutableMap.builder();
                children.forEach((node, list) -> frozen.put(node, ImmutableList.copyOf(list)));
                childrenByTree.add(frozen.buildOrThrow());
            }
            order.addAll(bottoms);
            ImmutableList<String> nodes = order.build();
            int aggregates = nodes.size() - bottoms.size();
            int[][] members = new int[aggregates][];
            members[0] = new int[bottoms.size()];
            for (int j = 0; j < bottoms.size(); j++) {
                members[0][j] = j;
            }
            for (int i = 1; i < aggregates; i++) {
                members[i] = requireNonNull(under.get(nodes.get(i))).stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
            }
            return new GroupedHierarchy(nodes, bottoms.size(), members, ImmutableList.copyOf(childrenByTree));
        }
    }
}
