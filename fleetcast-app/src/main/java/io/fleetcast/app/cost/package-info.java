/**
 * Cost governance over the store: cost lines attributed to teams, budgets with spend forecasts and alerts, spend
 * anomalies ({@code fleetcast cost}, {@code /api/cost}). The analysis itself is in {@code io.fleetcast.planning.cost}.
 */
@NullMarked
package io.fleetcast.app.cost;

import org.jspecify.annotations.NullMarked;
