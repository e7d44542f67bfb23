package io.fleetcast.cli;

import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a realistic simulated fleet: one file per kind (skus.csv, assets.csv, ..., telemetry.csv) and"
                    + " truth.json, the ground truth built into it (failure distributions, clusters built to run out,"
                    + " special events, driver elasticities, cost anomalies, budget overruns, failures). The same"
                    + " options give the same bytes. Load it with 'fleetcast ingest all DIR'. See docs/simulator.md."
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the files to.")
    Path out = Path.of(".");

    @Mixin
    SimulationOptions fleet = new SimulationOptions();

    @Option(names = "--json", description = "Print rows per file as one JSON document on stdout.")
    boolean json;

    /** What a simulation wrote, as {@code --json} prints it. */
    record SimulationView(SimulationConfig config, String folder, long totalRows, java.util.Map<String, Long> rows) {}

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        SimulationConfig config = fleet.config();
        long start = System.nanoTime();
        SimulationSummary summary = new SimulationService().simulate(config, out, new SimulationProgress(terminal));
        long elapsed = System.nanoTime() - start;
        if (json) {
            terminal.json(view(config, out, summary));
        } else {
            terminal.say("simulated " + config.servers() + " servers over " + config.days() + " days to "
                    + config.end() + " (seed " + config.seed() + ") in " + Terminal.seconds(elapsed) + ": "
                    + Terminal.rows(summary.totalRows()) + " in " + out);
        }
        return 0;
    }

    static SimulationView view(SimulationConfig config, Path out, SimulationSummary summary) {
        java.util.Map<String, Long> rows = new java.util.LinkedHashMap<>();
        summary.rows().forEach((kind, count) -> rows.put(kind.tableName(), count));
        return new SimulationView(config, out.toString(), summary.totalRows(), rows);
    }

    /** The options that describe a simulated fleet, shared by simulate, demo and bench simulate. */
    static final class SimulationOptions {
        @Option(names = "--servers", paramLabel = "N", description = "Servers, roughly (default: 2000).")
        int servers = SimulationConfig.defaults().servers();

        @Option(names = "--days", paramLabel = "D", description = "Days of history (default: 1095).")
        int days = SimulationConfig.defaults().days();

        @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 42).")
        long seed = SimulationConfig.defaults().seed();

        @Option(
                names = "--end",
                paramLabel = "DATE",
                description = "Last day of data, YYYY-MM-DD (default: 2026-10-31).")
        LocalDate end = SimulationConfig.defaults().end();

        SimulationConfig config() {
            return new SimulationConfig(servers, days, seed, end);
        }
    }
}
