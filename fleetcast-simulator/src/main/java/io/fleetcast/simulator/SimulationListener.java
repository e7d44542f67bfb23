package io.fleetcast.simulator;

import io.fleetcast.core.dataset.Kind;

/**
 * Told how the writing of a simulation's files progresses. Called from the simulating thread, at most a few times a
 * second per file plus once when each file starts and once when it is complete; must return quickly.
 */
@FunctionalInterface
public interface SimulationListener {
    /** A listener that ignores progress. */
    SimulationListener NONE = (kind, rowsWritten, complete) -> {};

    /**
     * Reports progress on the file of {@code kind}.
     *
     * @param kind the data set being written
     * @param rowsWritten data rows written so far (the header excluded)
     * @param complete whether the file is finished; {@code rowsWritten} is then its final row count
     */
    void progress(Kind kind, long rowsWritten, boolean complete);
}
