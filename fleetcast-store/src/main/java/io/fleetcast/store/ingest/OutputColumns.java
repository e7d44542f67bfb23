package io.fleetcast.store.ingest;

import io.fleetcast.core.dataset.ColumnType;
import io.fleetcast.core.dataset.Schema;

/**
 * The shape of converted rows: the schema's columns in order, then the source line, then (when the plan
 * {@linkplain ConversionPlan#emitsExtra emits it}) the extra columns as one JSON object. Each column travels as a long,
 * a double or text; the storage engine turns them into its stored types.
 */
public final class OutputColumns {
    /** How a value travels to the storage engine. */
    public enum Carrier {
        /** Text, CHOICE, DECIMAL (plain decimal text, exact) and JSON values. */
        TEXT,
        /** INTEGER values; DATE as days since 1970-01-01; TIMESTAMP as microseconds since the epoch (UTC). */
        LONG,
        /** NUMBER values. */
        DOUBLE
    }

    private OutputColumns() {}

    /** The carrier of a schema column type. */
    public static Carrier carrierOf(ColumnType type) {
        return switch (type) {
            case TEXT, CHOICE, DECIMAL, JSON -> Carrier.TEXT;
            case INTEGER, DATE, TIMESTAMP -> Carrier.LONG;
            case NUMBER -> Carrier.DOUBLE;
        };
    }

    /** The output index of the source line: right after the schema's columns. */
    public static int sourceLine(Schema schema) {
        return schema.columns().size();
    }

    /** The output index of the extra columns' JSON object. */
    public static int extra(Schema schema) {
        return schema.columns().size() + 1;
    }

    /** How many output columns a plan's rows have. */
    public static int count(ConversionPlan plan) {
        return plan.schema().columns().size() + (plan.emitsExtra() ? 2 : 1);
    }
}
