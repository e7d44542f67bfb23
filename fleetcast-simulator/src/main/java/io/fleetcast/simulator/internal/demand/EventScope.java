package io.fleetcast.simulator.internal.demand;

import java.util.Locale;

/** What an event affects (events.csv {@code scope}). */
public enum EventScope {
    /** Every interactive service everywhere. */
    GLOBAL,
    /** Interactive services in the clusters of one region. */
    REGION,
    /** One service, whatever its workload. */
    SERVICE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
