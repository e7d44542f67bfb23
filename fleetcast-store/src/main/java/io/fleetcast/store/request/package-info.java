/** Stored requests for capacity (the {@code requests} data set), as the allocation reads them. */
@NullMarked
package io.fleetcast.store.request;

import org.jspecify.annotations.NullMarked;
