/** Headroom sizing: the buffer a cluster must hold for a target service level, built from separately shown components. */
@NullMarked
package io.fleetcast.planning.headroom;

import org.jspecify.annotations.NullMarked;
