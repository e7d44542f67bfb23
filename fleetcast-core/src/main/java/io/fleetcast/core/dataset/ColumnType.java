package io.fleetcast.core.dataset;

/** How a column's text is read. Empty text and the literal {@code NULL}/{@code null} are "absent" for every type. */
public enum ColumnType {
    /** Free text, trimmed of surrounding spaces. */
    TEXT,
    /** One of a fixed list of values, matched case-insensitively and stored as the list spells it. */
    CHOICE,
    /** A whole number (64-bit). */
    INTEGER,
    /** A floating-point number; {@code 1.5}, {@code -2}, {@code 3e6}. Not NaN, not infinite. */
    NUMBER,
    /**
     * An exact decimal (money, billed quantities), up to 20 integer and 18 fraction digits; kept exactly, never
     * rounded. A leading currency sign and grouping commas ({@code "$10,000.00"}) are accepted.
     */
    DECIMAL,
    /** A calendar date, {@code 2026-03-01}. */
    DATE,
    /**
     * An instant: {@code 2026-03-01T13:00:00Z}, {@code 2026-03-01 13:00:00} (read as UTC), with an offset
     * ({@code +02:00}), or a bare date (its UTC midnight).
     */
    TIMESTAMP,
    /** A JSON object, kept as text (FOCUS {@code Tags}). */
    JSON
}
