package io.fleetcast.store.duckdb;

import java.time.LocalDate;

/** SQL literals built from typed values, never from user text. */
final class SqlLiterals {
    private SqlLiterals() {}

    /** {@code DATE '2026-10-31'}. */
    static String date(LocalDate day) {
        return "DATE '" + day + "'";
    }
}
