package io.fleetcast.simulator.internal.topology;

/** The part of the world a region is in; decides its regional holidays. */
public enum Area {
    AMERICAS,
    EUROPE,
    ASIA_PACIFIC
}
