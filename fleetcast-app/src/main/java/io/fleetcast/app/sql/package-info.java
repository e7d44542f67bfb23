/** Read-only SQL over the store, as {@code fleetcast sql} offers it. */
@NullMarked
package io.fleetcast.app.sql;

import org.jspecify.annotations.NullMarked;
