package io.fleetcast.simulator;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.error.FleetcastException;
import java.time.LocalDate;

/**
 * What to simulate. The same configuration always gives byte-identical files.
 *
 * @param servers approximate number of servers and cloud instances in service at the end of the history, from
 *     {@value #MIN_SERVERS} to {@value #MAX_SERVERS}; about 15% of them are cloud instances
 * @param days length of the written history in days, from {@value #MIN_DAYS} to {@value #MAX_DAYS}
 * @param seed seed of every random draw
 * @param end last day of the written history (inclusive), between {@link #EARLIEST_END} and {@link #LATEST_END}
 */
public record SimulationConfig(int servers, int days, long seed, LocalDate end) {
    /** Fewest servers accepted. */
    public static final int MIN_SERVERS = 10;
    /** Most servers accepted. */
    public static final int MAX_SERVERS = 1_000_000;
    /** Shortest history accepted, in days. */
    public static final int MIN_DAYS = 60;
    /** Longest history accepted, in days (ten years). */
    public static final int MAX_DAYS = 3650;
    /** Servers of the demo fleet. */
    public static final int DEFAULT_SERVERS = 2000;
    /** History of the demo fleet, in days (three years). */
    public static final int DEFAULT_DAYS = 1095;
    /** Seed of the demo fleet. */
    public static final long DEFAULT_SEED = 42;
    /** Last day of the demo fleet's history. */
    public static final LocalDate DEFAULT_END = LocalDate.of(2026, 10, 31);
    /** Earliest accepted end of the history. */
    public static final LocalDate EARLIEST_END = LocalDate.of(2000, 1, 1);
    /** Latest accepted end of the history. */
    public static final LocalDate LATEST_END = LocalDate.of(2100, 12, 31);

    /**
     * Validates every component.
     *
     * @throws FleetcastException of kind {@code BAD_INPUT} naming the bad value
     */
    public SimulationConfig {
        requireNonNull(end, "end is null");
        if (servers < MIN_SERVERS || servers > MAX_SERVERS) {
            throw FleetcastException.badInput(
                    "servers must be between " + MIN_SERVERS + " and " + MAX_SERVERS + ", got " + servers);
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw FleetcastException.badInput(
                    "days must be between " + MIN_DAYS + " and " + MAX_DAYS + ", got " + days);
        }
        if (end.isBefore(EARLIEST_END) || end.isAfter(LATEST_END)) {
            throw FleetcastException.badInput(
                    "end must be between " + EARLIEST_END + " and " + LATEST_END + ", got " + end);
        }
    }

    /** The demo fleet: {@value #DEFAULT_SERVERS} servers, {@value #DEFAULT_DAYS} days, seed 42, ending 2026-10-31. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(DEFAULT_SERVERS, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_END);
    }
}
