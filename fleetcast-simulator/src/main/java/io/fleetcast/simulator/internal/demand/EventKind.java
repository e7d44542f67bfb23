package io.fleetcast.simulator.internal.demand;

import java.util.Locale;

/** A recurring holiday or a one-off event (events.csv {@code kind}). */
public enum EventKind {
    HOLIDAY,
    ONE_OFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
