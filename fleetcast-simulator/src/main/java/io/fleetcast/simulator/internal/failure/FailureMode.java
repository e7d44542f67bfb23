package io.fleetcast.simulator.internal.failure;

import java.util.Locale;

/** What breaks when a simulated server fails, and so which telemetry signal shows it coming. */
public enum FailureMode {
    /** DIMMs: corrected memory errors climb before the failure. */
    MEMORY,
    /** Drives: reallocated sectors climb. */
    DISK,
    /** Cooling: temperature and fan speed rise. */
    THERMAL,
    /** Not simulated to fail at all: cloud instances. */
    NONE;

    /** The name used in truth.json: {@code memory}, {@code disk} or {@code thermal}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
