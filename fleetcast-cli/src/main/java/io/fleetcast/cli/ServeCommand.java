package io.fleetcast.cli;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.ServerConfig;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the dashboard and the JSON API (/api) over the store, on this machine only, until Ctrl-C. The"
                    + " server holds the store: engineers' reviews and forecast adjustments are recorded, and each day"
                    + " at --daily-at it loads the --inbox's new files and scores the new telemetry days. With"
                    + " --read-only other read-only processes ('fleetcast sql', another server) may open the file"
                    + " meanwhile, and nothing is recorded or scheduled."
        })
final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 7070;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "7070",
            description = "Port (default: ${DEFAULT-VALUE}).")
    int port = DEFAULT_PORT;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = ServerConfig.LOOPBACK;

    @Option(
            names = "--site-rates",
            paramLabel = "FILE",
            description = "The owned sites' rates (site,usd_per_kwh,pue,space_per_server_day[,network_per_server_day]),"
                    + " so the cost report costs each owned SKU per core and finds SKUs worth replacing.")
    @Nullable
    Path siteRates;

    @Option(
            names = "--read-only",
            description = "Open the store read-only, so other processes can read it meanwhile; reviews and"
                    + " adjustments are then refused, and no daily job runs.")
    boolean readOnly;

    @Option(
            names = "--daily-at",
            paramLabel = "HH:MM",
            defaultValue = "06:00",
            description = "When the daily pipeline runs, in UTC (default: ${DEFAULT-VALUE}).")
    String dailyAt = "06:00";

    @Option(names = "--no-daily", description = "Run no daily pipeline.")
    boolean noDaily;

    @Mixin
    DailyOptions daily = new DailyOptions();

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        LocalTime at = time(dailyAt);
        AppConfig config = readOnly ? store.config().readOnly() : store.config();
        try (FleetcastApp app = FleetcastApp.open(config)) {
            Serving.Daily job = readOnly || noDaily ? null : new Serving.Daily(at, daily.pipeline(app), daily.inbox);
            Serving.untilInterrupted(app, new ServerConfig(host, port, siteRates), terminal, job);
        }
        return 0;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw FleetcastException.badInput("--daily-at: '" + text + "' is not a time of day (HH:MM, UTC)");
        }
    }
}
