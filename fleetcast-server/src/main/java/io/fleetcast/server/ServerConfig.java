package io.fleetcast.server;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the server listens, and what its reports are given besides the store.
 *
 * @param host the address to bind; {@code 127.0.0.1} keeps the server on this machine
 * @param port the TCP port, 1 to 65535, or 0 for any free port (tests)
 * @param siteRates the owned sites' rates file, for the cost report's SKU costs and refresh savings; null for none
 */
public record ServerConfig(String host, int port, @Nullable Path siteRates) {
    /** The loopback address: only this machine can connect. */
    public static final String LOOPBACK = "127.0.0.1";

    public ServerConfig {
        requireNonNull(host, "host is null");
        checkArgument(!host.isBlank(), "host must not be blank");
        checkArgument(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got %s", port);
    }

    /** Listening on {@code host} at {@code port}, without site rates. */
    public ServerConfig(String host, int port) {
        this(host, port, null);
    }

    /** Listening on the loopback address at {@code port}. */
    public static ServerConfig local(int port) {
        return new ServerConfig(LOOPBACK, port);
    }

    /** This configuration with the owned sites' rates file. */
    public ServerConfig withSiteRates(@Nullable Path newSiteRates) {
        return new ServerConfig(host, port, newSiteRates);
    }
}
