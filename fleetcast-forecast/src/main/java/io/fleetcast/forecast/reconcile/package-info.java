/**
 * Forecast reconciliation for hierarchies: a {@link io.fleetcast.forecast.reconcile.Hierarchy} of named series (org →
 * team → service, region → site → cluster) whose parents are the sums of their children, a
 * {@link io.fleetcast.forecast.reconcile.GroupedHierarchy} that crosses several such trees over the same bottom series,
 * and a
 * {@link io.fleetcast.forecast.reconcile.Reconciler} that turns independently made base forecasts of every node into
 * coherent ones (every parent equal to the sum of its children) by bottom-up, OLS, WLS or MinT with shrinkage
 * (Wickramasuriya, Athanasopoulos and Hyndman, 2019). Pure functions: no I/O, no clock.
 */
@NullMarked
package io.fleetcast.forecast.reconcile;

import org.jspecify.annotations.NullMarked;
