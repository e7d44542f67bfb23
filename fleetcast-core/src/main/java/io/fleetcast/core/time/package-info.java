/** Time grains of stored series and the calendar conventions Fleetcast uses (UTC unless a zone is given). */
@NullMarked
package io.fleetcast.core.time;

import org.jspecify.annotations.NullMarked;
