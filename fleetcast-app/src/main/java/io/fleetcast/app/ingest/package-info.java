/** Loading users' files into the store: one file, several files of one kind, or a whole folder in dependency order. */
@NullMarked
package io.fleetcast.app.ingest;

import org.jspecify.annotations.NullMarked;
