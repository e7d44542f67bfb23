/** Supply: inventory, orders in flight with learned lead times, failures and retirements, as a forecast of usable capacity. */
@NullMarked
package io.fleetcast.planning.supply;

import org.jspecify.annotations.NullMarked;
