package io.fleetcast.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to open a store: the database file, whether read-only, and the engine's resource limits (DuckDB would otherwise
 * take every core and 80% of RAM).
 *
 * @param database the DuckDB file; created with the current schema when missing (not in read-only mode)
 * @param readOnly open without the ability to write; several read-only processes may share a file
 * @param threads worker threads for the engine, {@code >= 1}
 * @param memoryLimitMib memory the engine may use before spilling to disk, in MiB, {@code >= 64}
 */
public record StoreConfig(Path database, boolean readOnly, int threads, long memoryLimitMib) {
    public StoreConfig {
        requireNonNull(database, "database is null");
        checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
        checkArgument(memoryLimitMib >= 64, "memoryLimitMib must be >= 64, got %s", memoryLimitMib);
    }

    /** Read-write, one thread per available core, half of this JVM's machine memory (at most 8 GiB). */
    public static StoreConfig of(Path database) {
        return new StoreConfig(database, false, Runtime.getRuntime().availableProcessors(), defaultMemoryLimitMib());
    }

    public StoreConfig withReadOnly(boolean readOnly) {
        return new StoreConfig(database, readOnly, threads, memoryLimitMib);
    }

    public StoreConfig withThreads(int threads) {
        return new StoreConfig(database, readOnly, threads, memoryLimitMib);
    }

    private static long defaultMemoryLimitMib() {
        long physicalMib = physicalMemoryMib();
        return Math.max(256, Math.min(8192, physicalMib / 2));
    }

    private static long physicalMemoryMib() {
        java.lang.management.OperatingSystemMXBean bean =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 4096;
    }
}
