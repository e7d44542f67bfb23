/**
 * Per-server health telemetry for the last weeks of the history: daily temperature, fan speed, corrected memory
 * errors and reallocated disk sectors, with noise and benign spikes, and a degradation that starts 10–40 days before
 * each failure whose mode shows in the signals (including failures shortly after the end of the history).
 */
@NullMarked
package io.fleetcast.simulator.internal.telemetry;

import org.jspecify.annotations.NullMarked;
