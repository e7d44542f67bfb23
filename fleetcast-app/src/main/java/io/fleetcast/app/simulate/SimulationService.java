package io.fleetcast.app.simulate;

import io.fleetcast.simulator.FleetSimulator;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.simulator.SimulationSummary;
import java.nio.file.Path;

/** Simulates fleets: writes one file per kind and {@code truth.json} into a folder. Stateless. */
public final class SimulationService {
    private final FleetSimulator simulator = new FleetSimulator();

    /**
     * Writes the fleet {@code config} describes to {@code folder}, replacing files of the same names.
     *
     * @throws java.io.UncheckedIOException naming the path when the folder or a file cannot be written
     */
    public SimulationSummary simulate(SimulationConfig config, Path folder, SimulationListener listener) {
        return simulator.simulate(config, folder, listener);
    }
}
