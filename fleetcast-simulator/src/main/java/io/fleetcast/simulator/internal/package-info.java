/** The simulator's models, assembled from its internal packages. */
@NullMarked
package io.fleetcast.simulator.internal;

import org.jspecify.annotations.NullMarked;
