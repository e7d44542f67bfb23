/**
 * Benchmarks run through {@code fleetcast bench}: each measures Fleetcast next to a peer (here DuckDB's own CSV
 * reader) on the same input in the same run, so the reported ratio holds on a noisy machine.
 */
@NullMarked
package io.fleetcast.app.bench;

import org.jspecify.annotations.NullMarked;
