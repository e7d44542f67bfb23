package io.fleetcast.core.dataset;

import static java.util.Objects.requireNonNull;

/** A column whose values must already exist in {@code column} of the stored {@code kind} (e.g. an asset's SKU). */
public record Reference(Kind kind, String column) {
    public Reference {
        requireNonNull(kind, "kind is null");
        requireNonNull(column, "column is null");
    }

    @Override
    public String toString() {
        return kind.tableName() + "." + column;
    }
}
