/**
 * Where Fleetcast keeps its data. The interfaces here ({@link io.fleetcast.store.Store} and the query interfaces) are
 * what the rest of Fleetcast uses; {@code duckdb} implements them on an embedded DuckDB file, and a later Spark
 * implementation satisfies the same contracts. SQL lives only in this module.
 */
@NullMarked
package io.fleetcast.store;

import org.jspecify.annotations.NullMarked;
