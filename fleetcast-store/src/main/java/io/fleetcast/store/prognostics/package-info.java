/** What {@link io.fleetcast.store.PrognosticsStore} keeps: failure models, their predictions and engineers' reviews. */
@NullMarked
package io.fleetcast.store.prognostics;

import org.jspecify.annotations.NullMarked;
