package io.fleetcast.simulator.internal.catalog;

import java.util.Locale;

/** The shape of a server or instance type, and of the clusters built from it. */
public enum Family {
    /** Balanced servers for interactive and batch services. */
    COMPUTE,
    /** Memory-heavy servers for caches and databases. */
    MEMORY,
    /** Storage-heavy servers for blob stores and archives. */
    STORAGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
