/**
 * The simulated calendar: the written history, the years simulated before it (so the fleet at the start of the
 * history already has a past) and the days simulated after it (for ground truth about the future). Days are UTC epoch
 * days ({@link java.time.LocalDate#toEpochDay()}).
 */
@NullMarked
package io.fleetcast.simulator.internal.timeline;

import org.jspecify.annotations.NullMarked;
