/**
 * Reliability growth of repairable systems: the {@linkplain io.fleetcast.reliability.growth.CrowAmsaa Crow-AMSAA}
 * power-law non-homogeneous Poisson process fitted to cumulative failure times or to failures counted in intervals.
 */
@NullMarked
package io.fleetcast.reliability.growth;

import org.jspecify.annotations.NullMarked;
