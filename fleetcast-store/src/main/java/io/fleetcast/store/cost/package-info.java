/**
 * What {@link io.fleetcast.store.CostQueries} returns: cost lines summed per charge day and owner, the budgets and
 * the ownership mapping. Money is exact ({@link java.math.BigDecimal}) in the lines' billing currency.
 */
@NullMarked
package io.fleetcast.store.cost;

import org.jspecify.annotations.NullMarked;
