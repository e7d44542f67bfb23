/**
 * Life data analysis: {@linkplain io.fleetcast.reliability.data.LifeData censored life data}, {@linkplain
 * io.fleetcast.reliability.distribution.LifeDistribution life distributions}, and their {@linkplain
 * io.fleetcast.reliability.fit.MaximumLikelihood maximum-likelihood fits} with Fisher-matrix confidence bounds. Pure
 * functions over values: no store, no I/O.
 */
@NullMarked
package io.fleetcast.reliability;

import org.jspecify.annotations.NullMarked;
