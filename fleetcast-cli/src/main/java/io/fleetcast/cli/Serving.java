package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.schedule.DailyPipeline;
import io.fleetcast.app.schedule.DailyScheduler;
import io.fleetcast.server.FleetcastServer;
import io.fleetcast.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/** Serves the dashboard over an open application until the process is interrupted (Ctrl-C). */
final class Serving {
    private Serving() {}

    /** The daily pipeline to run while serving, at {@code at} UTC. */
    record Daily(
            LocalTime at, DailyPipeline pipeline, @Nullable Path inbox) {}

    static void untilInterrupted(FleetcastApp app, ServerConfig config, Terminal terminal) {
        untilInterrupted(app, config, terminal, null);
    }

    static void untilInterrupted(FleetcastApp app, ServerConfig config, Terminal terminal, @Nullable Daily daily) {
        FleetcastServer server = FleetcastServer.start(config, app);
        DailyScheduler scheduler = daily == null
                ? null
                : DailyScheduler.start(daily.at(), Clock.systemUTC(), daily.pipeline(), terminal::say);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    if (scheduler != null) {
                        scheduler.close();
                    }
                    server.stop();
                    stopped.countDown();
                },
                "fleetcast-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        terminal.say("Dashboard: " + server.uri() + "  (API under "
                + server.uri().resolve("/api/health") + "; Ctrl-C to stop)");
        if (daily != null && scheduler != null) {
            terminal.say("Daily pipeline at " + daily.at() + " UTC, next " + scheduler.nextRun()
                    + (daily.inbox() == null ? "" : "; inbox " + daily.inbox()) + " (runs: GET /api/prognostics)");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
    }
}
