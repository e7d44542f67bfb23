package io.fleetcast.core.dataset;

/** What a data set's natural key identifies, and so what a newer file replaces. */
public enum KeyScope {
    /** The key identifies one row: a newer file's row replaces the stored row with the same key. */
    ROW,
    /**
     * The key identifies a partition (a billing account's billing period): a newer file that holds a partition replaces
     * every stored row of that partition, as billing restatements do.
     */
    PARTITION
}
