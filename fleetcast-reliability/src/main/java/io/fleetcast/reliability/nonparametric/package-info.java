/**
 * Estimates that assume no distribution: Kaplan–Meier with Greenwood bounds, Nelson–Aalen, Turnbull's estimate for
 * interval-, left- and right-censored units, and Johnson's adjusted ranks with Benard's median ranks (the plotting
 * positions of probability plots and rank regression).
 */
@NullMarked
package io.fleetcast.reliability.nonparametric;

import org.jspecify.annotations.NullMarked;
