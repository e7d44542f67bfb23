/**
 * Cost governance: attribution of spend to teams with shared costs split by a stated rule, exact to the cent.
 */
@NullMarked
package io.fleetcast.planning.cost;

import org.jspecify.annotations.NullMarked;
