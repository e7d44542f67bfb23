/**
 * The data sets Fleetcast ingests ({@link io.fleetcast.core.dataset.Kind}) and the definition of each file's columns:
 * types, required fields, ranges, units, references and natural keys ({@link io.fleetcast.core.dataset.Schema}). This
 * is the one place the file formats are defined: ingestion validates against it, the simulator writes it, and
 * {@code docs/data-formats.md} documents it.
 */
@NullMarked
package io.fleetcast.core.dataset;

import org.jspecify.annotations.NullMarked;
