/**
 * Ingestion: reading users' files (CSV with header, Parquet, JSON Lines; FOCUS billing exports for costs), validating
 * every row against its {@link io.fleetcast.core.dataset.Schema}, and the requests, reports and progress callbacks of a
 * load. Parsing and validation here know no database; the DuckDB writer lives in {@code io.fleetcast.store.duckdb}.
 */
@NullMarked
package io.fleetcast.store.ingest;

import org.jspecify.annotations.NullMarked;
