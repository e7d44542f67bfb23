/**
 * The embedded DuckDB store, Fleetcast's default: one database file, versioned schema migrations, the fast validated
 * loader, and the read queries.
 */
@NullMarked
package io.fleetcast.store.duckdb;

import org.jspecify.annotations.NullMarked;
