package io.fleetcast.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The Java heap's peak use during a measurement: the sum of the heap pools' peaks (garbage included). */
final class HeapPeaks {
    private HeapPeaks() {}

    /** Starts a measurement: forgets the peaks so far. */
    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Bytes: the sum of the heap pools' peak use since the last {@link #reset}. */
    static long bytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
