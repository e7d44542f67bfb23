package io.fleetcast.server;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.api.ApiErrors;
import io.fleetcast.server.api.ApiRoutes;
import io.fleetcast.server.api.JsonMapping;
import io.fleetcast.server.auth.AccessGate;
import io.fleetcast.server.auth.AccessPolicy;
import io.fleetcast.server.auth.AllowAll;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fleetcast server: the JSON API under {@code /api} and the dashboard at {@code /}. Every API request first
 * passes the {@link AccessGate} with the server's {@link AccessPolicy}; exceptions become responses in
 * {@link ApiErrors}. {@link #stop()} (or {@link #close()}) stops it; the application stays open, it belongs to the
 * caller.
 */
public final class FleetcastServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetcastServer.class);

    /** Where the dashboard's files are on the class path. */
    static final String WEB_ROOT = "/web";

    private final Javalin javalin;
    private final String host;

    private FleetcastServer(Javalin javalin, String host) {
        this.javalin = javalin;
        this.host = host;
    }

    /** Starts a server for the local user: every request is allowed ({@link AllowAll}). */
    public static FleetcastServer start(ServerConfig config, FleetcastApp app) {
        return start(config, app, new AllowAll());
    }

    /**
     * Starts a server whose API requests are decided by {@code policy}.
     *
     * @throws FleetcastException {@code BAD_INPUT} if the port is taken or the host cannot be bound
     */
    public static FleetcastServer start(ServerConfig config, FleetcastApp app, AccessPolicy policy) {
        requireNonNull(config, "config is null");
        requireNonNull(app, "app is null");
        requireNonNull(policy, "policy is null");
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.jetty.host = config.host();
            javalinConfig.jetty.port = config.port();
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.jsonMapper(new JavalinJackson(JsonMapping.mapper(), false));
            javalinConfig.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = WEB_ROOT;
                files.location = Location.CLASSPATH;
            });
            ApiErrors.register(javalinConfig.routes);
            javalinConfig.routes.before(ApiRoutes.PREFIX + "/*", new AccessGate(policy));
            ApiRoutes.register(javalinConfig.routes, app, config.siteRates());
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            stopQuietly(javalin);
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT,
                    "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                            + "); is another server using the port? Choose another with --port",
                    e);
        }
        FleetcastServer server = new FleetcastServer(javalin, config.host());
        LOG.info("Fleetcast is serving on {}", server.uri());
        return server;
    }

    /** The port the server listens on (the one chosen when the configuration asked for 0). */
    public int port() {
        return javalin.port();
    }

    /** The dashboard's address, e.g. {@code http://127.0.0.1:7070/}. */
    public URI uri() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Every HTTP endpoint the server declares, as {@code "GET /api/health"}, in declaration order. */
    public List<String> routes() {
        ImmutableList.Builder<String> routes = ImmutableList.builder();
        for (ParsedEndpoint parsed : javalin.unsafe.internalRouter.allHttpHandlers()) {
            if (parsed.endpoint.method.isHttpMethod()) {
                routes.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
            }
        }
        return routes.build();
    }

    /** Stops listening and waits for requests in flight. */
    public void stop() {
        javalin.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(Javalin javalin) {
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            // Starting failed already; that error is the one to report.
        }
    }
}
