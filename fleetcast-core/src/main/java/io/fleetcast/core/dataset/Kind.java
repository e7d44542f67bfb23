package io.fleetcast.core.dataset;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of data Fleetcast ingests. Each has a table of the same name and a file base name ({@code usage.csv},
 * {@code usage.parquet}, {@code usage.jsonl}). Declaration order is load order: a kind refers only to kinds before it.
 */
public enum Kind {
    SKUS,
    ASSETS,
    SERVICES,
    ORDERS,
    EVENTS,
    DRIVERS,
    ADJUSTMENTS,
    USAGE,
    COSTS,
    BUDGETS,
    TELEMETRY,
    REQUESTS;

    /** The table (and file base name): {@code usage}, {@code skus}, ... */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This kind's file format. */
    public Schema schema() {
        return DataSets.schema(this);
    }

    /** Every kind in load order (each refers only to kinds earlier in the list). */
    public static List<Kind> loadOrder() {
        return List.of(values());
    }

    /** The kind named {@code name} ({@code usage}, {@code USAGE}, ...). */
    public static Optional<Kind> parse(String name) {
        requireNonNull(name, "name is null");
        for (Kind kind : values()) {
            if (kind.tableName().equalsIgnoreCase(name.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
