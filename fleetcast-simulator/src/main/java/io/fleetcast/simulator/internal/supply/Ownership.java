package io.fleetcast.simulator.internal.supply;

import java.util.Locale;

/** How an asset's capacity is held (assets.csv {@code ownership}). */
public enum Ownership {
    OWNED,
    RESERVED,
    ON_DEMAND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
