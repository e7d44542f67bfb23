/**
 * Fast, deterministic CSV output in the shape Fleetcast ingests: UTF-8 without BOM, a header of the schema's column
 * names, {@code \n} line ends, RFC 4180 quoting only where a field needs it, and numbers, dates and timestamps written
 * without {@code String.format} (the usage and telemetry files have millions of rows).
 */
@NullMarked
package io.fleetcast.simulator.internal.csv;

import org.jspecify.annotations.NullMarked;
