package io.fleetcast.server.api;

import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.auth.AccessDeniedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses. Under {@code /api} every error is JSON,
 * {@code {"error": "..."}}:
 *
 * <ul>
 *   <li>{@link AccessDeniedException}: 401 or 403, as the access policy decided;
 *   <li>{@link UnknownScopeException} (a region, site, cluster or service that does not exist, or a reliability
 *       segment no asset is in) and {@link
 *       NotFoundException} (a plan version, series, adjustment or prediction that does not exist; no cost lines
 *       loaded; nothing scored): 404;
 *   <li>other {@link FleetcastException}s: {@code BAD_INPUT} 400, {@code INTERNAL} 500 (logged);
 *   <li>a path under {@code /api} that matches no endpoint: 404;
 *   <li>the web framework's own errors: their status;
 *   <li>anything else is a bug: 500 with a generic message; the details go to the log, not to the client.
 * </ul>
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    /**
     * Routes every exception of every request to {@link #respond}, and answers requests for API paths that match no
     * endpoint with a JSON 404.
     */
    public static void register(RoutesConfig routes) {
        routes.exception(Exception.class, ApiErrors::respond);
        routes.error(404, ApiErrors::noSuchEndpoint);
    }

    /** Runs for every 404; leaves alone the ones that already carry a JSON error (an unknown region, say). */
    private static void noSuchEndpoint(Context ctx) {
        String contentType = ctx.res().getContentType();
        boolean json = contentType != null && contentType.startsWith("application/json");
        if (ctx.path().startsWith(ApiRoutes.PREFIX) && !json) {
            ctx.json(new ErrorView("no such API endpoint: " + ctx.method().name() + " " + ctx.path()));
        }
    }

    static void respond(Exception exception, Context ctx) {
        int status = status(exception);
        String message = message(exception, status);
        if (status >= 500) {
            LOG.error("{} {} failed: {}", ctx.method().name(), ctx.path(), message, exception);
        }
        ctx.status(status);
        if (ctx.path().startsWith(ApiRoutes.PREFIX)) {
            ctx.json(new ErrorView(message));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    /** The HTTP status that answers {@code exception}. */
    static int status(Exception exception) {
        if (exception instanceof AccessDeniedException denied) {
            return denied.httpStatus();
        }
        if (exception instanceof UnknownScopeException || exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof FleetcastException fleetcast) {
            return switch (fleetcast.kind()) {
                case BAD_INPUT -> 400;
                case INTERNAL -> 500;
            };
        }
        if (exception instanceof HttpResponseException http) {
            return http.getStatus();
        }
        return 500;
    }

    private static String message(Exception exception, int status) {
        if (exception instanceof FleetcastException || exception instanceof HttpResponseException) {
            String message = exception.getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        return status >= 500 ? "internal error; the server's log has the details" : "request failed";
    }
}
