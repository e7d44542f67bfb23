package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.simulator.SimulationSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Measures one simulation: wall time, rows written per kind, the bytes written, and peak memory (the Java heap's peak
 * across its pools, and the process's peak resident size where the OS reports it).
 */
public final class SimulationBenchmark {
    /**
     * The measurement.
     *
     * @param peakHeapBytes the sum of the heap pools' peak usage during the run (an upper bound of the live peak)
     * @param peakResidentBytes the process's peak resident set size (Linux {@code VmHWM}), or -1 where unknown
     */
    public record Result(
            SimulationConfig config,
            double seconds,
            long totalRows,
            ImmutableMap<Kind, Long> rows,
            long bytesWritten,
            long peakHeapBytes,
            long peakResidentBytes) {}

    private SimulationBenchmark() {}

    public static Result run(SimulationConfig config, Path folder, SimulationListener listener) {
        HeapPeaks.reset();
        long start = System.nanoTime();
        SimulationSummary summary = new SimulationService().simulate(config, folder, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = HeapPeaks.bytes();
        long bytes = 0;
        for (Path file : summary.files().values()) {
            bytes += size(file);
        }
        return new Result(
                config,
                seconds,
                summary.totalRows(),
                summary.rows(),
                bytes,
                peakHeap,
                peakResidentBytes().orElse(-1));
    }

    /** The peak resident set size of this process, from {@code /proc/self/status} on Linux. */
    static OptionalLong peakResidentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status, UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String digits =
                            line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(digits) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
