package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.schedule.DailyPipeline;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The daily pipeline's options, shared by {@code prognose daily} and {@code serve}. */
final class DailyOptions {
    @Option(
            names = "--inbox",
            paramLabel = "DIR",
            description = "Load new files from DIR/<kind>/ first (e.g. DIR/telemetry/2026-11-02.csv); loaded files move"
                    + " to DIR/loaded/<kind>/, refused ones to DIR/refused/<kind>/ beside a .error.txt saying why.")
    @Nullable
    Path inbox;

    @Option(
            names = "--retrain-days",
            paramLabel = "N",
            defaultValue = "7",
            description = "Train a new model when the newest one's data end more than N days before the telemetry's"
                    + " last day; 0 never retrains (default: ${DEFAULT-VALUE}).")
    int retrainDays = 7;

    DailyPipeline pipeline(FleetcastApp app) {
        return app.dailyPipeline(
                inbox, new PrognosticsService.DailyPolicy(retrainDays, PrognosticsService.TrainRequest.defaults()));
    }
}
