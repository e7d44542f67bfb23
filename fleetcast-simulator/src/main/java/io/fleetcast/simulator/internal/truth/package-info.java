/**
 * Writes {@code truth.json}: the ground truth a simulated fleet was generated from (Weibull lives, exhaustion dates,
 * event lifts, driver elasticities, cost anomalies, budget overruns, failures and launches), so analytics can be
 * checked against known answers. Documented for users in {@code docs/simulator.md}.
 */
@NullMarked
package io.fleetcast.simulator.internal.truth;

import org.jspecify.annotations.NullMarked;
