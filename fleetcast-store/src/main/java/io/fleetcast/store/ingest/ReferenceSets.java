package io.fleetcast.store.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.fleetcast.core.dataset.Reference;
import java.util.Map;
import java.util.Set;

/** The values each referenced column holds in the store before a load, to check the file's references against. */
public final class ReferenceSets {
    private final ImmutableMap<Reference, ImmutableSet<String>> values;

    public ReferenceSets(Map<Reference, ? extends Set<String>> values) {
        ImmutableMap.Builder<Reference, ImmutableSet<String>> copy = ImmutableMap.builder();
        values.forEach((reference, set) -> copy.put(reference, ImmutableSet.copyOf(set)));
        this.values = copy.buildOrThrow();
    }

    /** Whether {@code value} exists in the referenced column. */
    public boolean contains(Reference reference, String value) {
        ImmutableSet<String> known = values.get(requireNonNull(reference, "reference is null"));
        if (known == null) {
            throw new IllegalStateException("reference " + reference + " was not loaded");
        }
        return known.contains(value);
    }

    /** Whether the referenced column holds no values at all (its kind was never loaded). */
    public boolean isEmpty(Reference reference) {
        ImmutableSet<String> known = values.get(reference);
        return known == null || known.isEmpty();
    }
}
