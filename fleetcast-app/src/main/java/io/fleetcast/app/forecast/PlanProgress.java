package io.fleetcast.app.forecast;

/** Hears how a stored forecast goes; called from the thread that runs it. */
public interface PlanProgress {
    /** Does nothing. */
    PlanProgress NONE = (done, total, seriesKey) -> {};

    /** Series {@code seriesKey} was fitted: {@code done} of the {@code total} to fit. */
    void fitted(int done, int total, String seriesKey);
}
