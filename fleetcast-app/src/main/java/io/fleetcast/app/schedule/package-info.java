/** Scheduled work: the daily pipeline (load new files from an inbox, then score), and the clock that runs it. */
@NullMarked
package io.fleetcast.app.schedule;

import org.jspecify.annotations.NullMarked;
