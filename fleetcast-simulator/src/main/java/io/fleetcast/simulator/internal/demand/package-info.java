/**
 * Simulated demand with known components: per service and cluster, daily (and for the last four weeks hourly) used and
 * allocated cores, GiB and TB built from growth, weekly and yearly seasonality, a daily cycle, holidays and one-off
 * events with known lifts, traffic drivers with known elasticities, planned launches (step adjustments) and
 * autocorrelated noise. Also writes usage, drivers, events and adjustments.
 */
@NullMarked
package io.fleetcast.simulator.internal.demand;

import org.jspecify.annotations.NullMarked;
