package io.fleetcast.simulator.internal.csv;

/** Told how many rows a {@link CsvTableWriter} has written; called at most a few times a second, and once at the end. */
@FunctionalInterface
public interface RowProgress {
    RowProgress NONE = (rows, complete) -> {};

    /**
     * Reports the rows written so far.
     *
     * @param rows data rows written so far (the header excluded)
     * @param complete whether the file is finished
     */
    void rows(long rows, boolean complete);
}
