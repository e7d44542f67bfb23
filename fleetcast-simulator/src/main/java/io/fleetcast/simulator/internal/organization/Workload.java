package io.fleetcast.simulator.internal.organization;

import io.fleetcast.simulator.internal.catalog.Family;

/** How a service's demand behaves and which clusters can host it. */
public enum Workload {
    /** User-facing: follows traffic drivers, weekday peaks, evening daily peak, reacts to holidays and events. */
    INTERACTIVE(Family.COMPUTE),
    /** Batch processing: noisier, weekend bumps, night-time daily peak. */
    BATCH(Family.COMPUTE),
    /** Caches and databases: memory-bound, steady. */
    IN_MEMORY(Family.MEMORY),
    /** Blob stores and archives: storage-bound, grows smoothly. */
    STORAGE(Family.STORAGE);

    private final Family family;

    Workload(Family family) {
        this.family = family;
    }

    /** The cluster family that hosts this workload. */
    public Family family() {
        return family;
    }
}
