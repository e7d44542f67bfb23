/**
 * The simulated SKU catalogue: generations of owned hardware (compute, memory-heavy and storage-heavy servers, each
 * with capacity, price, power, depreciation, planned lifetime and a known Weibull life) and cloud instance types with
 * on-demand and reserved hourly prices. Names and prices are illustrative, not vendor quotes.
 */
@NullMarked
package io.fleetcast.simulator.internal.catalog;

import org.jspecify.annotations.NullMarked;
