/**
 * What {@link io.fleetcast.store.UtilizationQueries} returns: over a window of days, the daily used and allocated
 * capacity of each service in each cluster and of each cluster as a whole at P50, P95 and max, the cluster's supply,
 * its servers per SKU (host shape), and the SKU catalog's capacities and prices. Quantities are in canonical units:
 * cores, GiB, TB.
 */
@NullMarked
package io.fleetcast.store.utilization;

import org.jspecify.annotations.NullMarked;
