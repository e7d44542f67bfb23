package io.fleetcast.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.FleetSimulator;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's simulated fleet (2,000 servers, 3 years to 2026-10-31, seed 42), its ground truth, and a fresh store with
 * the kinds a test needs loaded, the clock set to the day after the data. Closing it closes the store and deletes the
 * folder.
 */
public final class DemoFleet implements AutoCloseable {
    private final Path folder;
    private final FleetcastApp app;
    private final JsonNode truth;

    private DemoFleet(Path folder, FleetcastApp app, JsonNode truth) {
        this.folder = folder;
        this.app = app;
        this.truth = truth;
    }

    /** Simulates the fleet into a new temporary folder and loads {@code kinds}, in the order given. */
    public static DemoFleet load(Collection<Kind> kinds) {
        return load(42, kinds);
    }

    /** {@link #load(Collection)} with another seed: the same size of fleet and days, another fleet. */
    public static DemoFleet load(long seed, Collection<Kind> kinds) {
        try {
            Path folder = Files.createTempDirectory("demo-fleet");
            Path data = folder.resolve("data");
            new SimulationService()
                    .simulate(
                            new SimulationConfig(2000, 1095, seed, LocalDate.of(2026, 10, 31)),
                            data,
                            SimulationListener.NONE);
            JsonNode truth = new ObjectMapper()
                    .readTree(data.resolve(FleetSimulator.TRUTH_FILE_NAME).toFile());
            FleetcastApp app = FleetcastApp.open(new AppConfig(
                    StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                    Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC)));
            for (Kind kind : kinds) {
                app.ingest()
                        .ingest(kind, List.of(data.resolve(FleetSimulator.fileName(kind))), false, IngestProgress.NONE);
            }
            return new DemoFleet(folder, app, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FleetcastApp app() {
        return app;
    }

    /** The folder of the simulated files. */
    public Path data() {
        return folder.resolve("data");
    }

    /** {@code truth.json}. */
    public JsonNode truth() {
        return truth;
    }

    @Override
    public void close() {
        app.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
