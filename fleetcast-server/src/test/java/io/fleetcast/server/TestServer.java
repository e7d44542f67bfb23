package io.fleetcast.server;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.FleetcastApp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port over an application, for the API and page tests, with a real HTTP client and what the
 * tests read in its answers. Registered on a test class ({@code @RegisterExtension static final TestServer server =
 * TestServer.over(() -> TestCostData.loadedApp(folder));}) it starts before the class's first test, after JUnit made
 * the class's {@code @TempDir}, and stops after its last; {@link #start} starts one at once, for a try-with-resources
 * block. Stopping it stops the server and closes the application.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<FleetcastApp> opener;
    private @Nullable FleetcastApp app;
    private @Nullable FleetcastServer server;

    private final ServerConfig config;

    private TestServer(Supplier<FleetcastApp> opener, ServerConfig config) {
        this.opener = opener;
        this.config = config;
    }

    /** A server over the application {@code opener} opens, started before the class's tests. */
    static TestServer over(Supplier<FleetcastApp> opener) {
        return new TestServer(opener, ServerConfig.local(0));
    }

    /** A server over {@code app}, started now. */
    static TestServer start(FleetcastApp app) {
        return start(app, ServerConfig.local(0));
    }

    /** A server over {@code app} configured as {@code config}, started now. */
    static TestServer start(FleetcastApp app, ServerConfig config) {
        TestServer started = new TestServer(() -> app, config);
        started.open();
        return started;
    }

    private void open() {
        app = opener.get();
        server = FleetcastServer.start(config, app);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    FleetcastApp app() {
        return requireNonNull(app, "the test server is not started");
    }

    FleetcastServer fleetcastServer() {
        return requireNonNull(server, "the test server is not started");
    }

    URI uri() {
        return fleetcastServer().uri();
    }

    Response get(String pathAndQuery) {
        return get(fleetcastServer(), pathAndQuery);
    }

    Response send(String method, String pathAndQuery, @Nullable String jsonBody) {
        return send(fleetcastServer(), method, pathAndQuery, jsonBody);
    }

    /** The JSON this server answers {@code pathAndQuery} with, asserting a 200 with a JSON content type. */
    JsonNode json(String pathAndQuery) {
        return json(fleetcastServer(), pathAndQuery);
    }

    /** A response: status, content type and body. */
    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static Response get(FleetcastServer target, String pathAndQuery) {
        return send(target, "GET", pathAndQuery, null);
    }

    /** Sends {@code method} to {@code pathAndQuery} with {@code jsonBody} (none when {@code null}). */
    static Response send(FleetcastServer target, String method, String pathAndQuery, @Nullable String jsonBody) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target.uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
            if (jsonBody == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
            }
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The JSON {@code target} answers {@code pathAndQuery} with, asserting a 200 with a JSON content type. */
    static JsonNode json(FleetcastServer target, String pathAndQuery) {
        Response response = get(target, pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    /** A query parameter's value, URL-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Asserts that {@code response} is the JSON error {@code status} with exactly {@code message}. */
    static void assertError(Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo(message);
    }

    /** The keys of a JSON object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The text of {@code field} in each element of a JSON array, in order. */
    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    /** The text of each element of a JSON array, in order. */
    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }

    /** The elements of a JSON array that {@code filter} keeps, in order. */
    static List<JsonNode> rows(JsonNode array, Predicate<JsonNode> filter) {
        List<JsonNode> kept = new ArrayList<>();
        array.forEach(element -> {
            if (filter.test(element)) {
                kept.add(element);
            }
        });
        return kept;
    }

    /** The first element of a JSON array whose {@code field} is {@code value}. */
    static JsonNode row(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " " + value + " in " + array);
    }
}
