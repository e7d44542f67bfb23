package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures a simulation of the size given by system properties: wall time, rows per file and the heap pools' peak
 * use. Off unless {@code fleetcast.scale.servers} is set, because a large fleet takes minutes and gigabytes of disk:
 *
 * <pre>
 * mvn -B verify -pl fleetcast-core,fleetcast-simulator -Dtest=ScaleMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfleetcast.scale.servers=100000 -Dfleetcast.scale.days=1095 -DargLine=-Xmx3g
 * </pre>
 *
 * Prints one line per file and a summary to standard output (test code; the simulator itself never prints).
 */
class ScaleMeasurementTest {
    private static final long MAX_ROWS_PER_FILE = 30_000_000L;

    @Test
    @EnabledIfSystemProperty(named = "fleetcast.scale.servers", matches = "\\d+")
    void measuresASimulation(@TempDir Path folder) {
        int servers = Integer.parseInt(System.getProperty("fleetcast.scale.servers"));
        int days = Integer.parseInt(System.getProperty("fleetcast.scale.days", "1095"));
        SimulationConfig config = new SimulationConfig(servers, days, 42, LocalDate.of(2026, 10, 31));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        SimulationSummary summary = new FleetSimulator().simulate(config, folder, (kind, rows, complete) -> {
            if (complete) {
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %,12d rows at %6.1f s%n",
                        kind.tableName(),
                        rows,
                        (System.nanoTime() - start) / 1e9);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakBytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakBytes += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d servers, %d days: %,d rows in %.1f s; heap pools' peak use (sum, garbage included) %d MB;"
                        + " max heap %d MB%n",
                servers,
                days,
                summary.totalRows(),
                seconds,
                peakBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        for (Kind kind : Kind.loadOrder()) {
            assertThat(summary.rows().get(kind)).as(kind.tableName()).isLessThanOrEqualTo(MAX_ROWS_PER_FILE);
        }
    }
}
