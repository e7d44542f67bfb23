package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.server.FleetcastServer;
import io.fleetcast.server.ServerConfig;
import java.util.concurrent.CountDownLatch;

/** Serves the dashboard over an open application until the process is interrupted (Ctrl-C). */
final class Serving {
    private Serving() {}

    static void untilInterrupted(FleetcastApp app, ServerConfig config, Terminal terminal) {
        FleetcastServer server = FleetcastServer.start(config, app);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    server.stop();
                    stopped.countDown();
                },
                "fleetcast-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        terminal.say("Dashboard: " + server.uri() + "  (API under "
                + server.uri().resolve("/api/health") + "; Ctrl-C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
    }
}
