package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.server.ServerConfig;
import java.nio.file.Path;
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
            "Serve the dashboard and the JSON API (/api) over the store, on this machine only, until Ctrl-C. The store"
                    + " is opened read-only, so 'fleetcast sql' can read it meanwhile; stop the server to load more data."
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

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
            Serving.untilInterrupted(app, new ServerConfig(host, port, siteRates), terminal);
        }
        return 0;
    }
}
