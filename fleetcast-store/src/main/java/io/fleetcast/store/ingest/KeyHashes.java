package io.fleetcast.store.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * The 64-bit natural-key hashes of the rows one loading thread converted, to tell whether a file repeats a key
 * without keeping the keys. Each thread appends to its own buffers (no locking, sequential writes on the hot path),
 * partitioned by the hash's top byte; {@link #anyRepeated} then checks one partition of all threads at a time in a hash
 * table small enough to stay in cache. A repeated hash only says "look closer": the store confirms with the real keys,
 * so a collision can never reject a good row. About 8 bytes per row.
 */
final class KeyHashes {
    private static final int PARTITIONS = 256;
    private static final long EMPTY = 0;
    /** Stands for a real hash of 0, which would read as an empty slot. */
    private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

    private final long[][] partitions = new long[PARTITIONS][];
    private final int[] sizes = new int[PARTITIONS];

    KeyHashes() {
        for (int i = 0; i < PARTITIONS; i++) {
            partitions[i] = new long[64];
        }
    }

    void add(long hash) {
        int partition = (int) (hash >>> 56);
        long[] values = partitions[partition];
        int size = sizes[partition];
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            partitions[partition] = values;
        }
        values[size] = hash == EMPTY ? ZERO_STAND_IN : hash;
        sizes[partition] = size + 1;
    }

    /** Whether any hash occurs twice across all of {@code all}. Call when no thread adds any more. */
    static boolean anyRepeated(List<KeyHashes> all) {
        long[] table = new long[1024];
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int total = 0;
            for (KeyHashes hashes : all) {
                total += hashes.sizes[partition];
            }
            int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
            if (capacity > table.length) {
                table = new long[capacity];
            } else {
                Arrays.fill(table, 0, capacity, EMPTY);
            }
            int mask = capacity - 1;
            for (KeyHashes hashes : all) {
                long[] values = hashes.partitions[partition];
                for (int i = 0, n = hashes.sizes[partition]; i < n; i++) {
                    long value = values[i];
                    int slot = (int) value & mask;
                    while (table[slot] != EMPTY) {
                        if (table[slot] == value) {
                            return true;
                        }
                        slot = (slot + 1) & mask;
                    }
                    table[slot] = value;
                }
            }
        }
        return false;
    }
}
