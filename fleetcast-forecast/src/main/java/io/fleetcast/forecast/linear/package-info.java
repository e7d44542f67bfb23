/** Small dense linear algebra shared by the models: Cholesky factorisation and solves. */
@NullMarked
package io.fleetcast.forecast.linear;

import org.jspecify.annotations.NullMarked;
