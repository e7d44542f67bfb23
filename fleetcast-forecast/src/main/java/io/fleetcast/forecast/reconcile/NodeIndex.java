package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.List;

/** The position of each named node in node order. */
record NodeIndex(ImmutableMap<String, Integer> positions) {
    static NodeIndex of(List<String> nodes) {
        ImmutableMap.Builder<String, Integer> positions = ImmutableMap.builder();
        for (int i = 0; i < nodes.size(); i++) {
            positions.put(nodes.get(i), i);
        }
        return new NodeIndex(positions.buildOrThrow());
    }

    boolean contains(String node) {
        return positions.containsKey(node);
    }

    /** The node's position; {@link IllegalArgumentException} naming it when there is no such node. */
    int indexOf(String node) {
        Integer index = positions.get(node);
        checkArgument(index != null, "\"%s\" is not a node of the hierarchy", node);
        return index;
    }
}
