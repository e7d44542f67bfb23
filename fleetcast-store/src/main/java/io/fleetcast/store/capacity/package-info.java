/** What capacity planning reads from the store: inventory, orders, the SKU catalog, cluster demand, plan versions. */
@NullMarked
package io.fleetcast.store.capacity;

import org.jspecify.annotations.NullMarked;
