package io.fleetcast.server;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Where the server listens.
 *
 * @param host the address to bind; {@code 127.0.0.1} keeps the server on this machine
 * @param port the TCP port, 1 to 65535, or 0 for any free port (tests)
 */
public record ServerConfig(String host, int port) {
    /** The loopback address: only this machine can connect. */
    public static final String LOOPBACK = "127.0.0.1";

    public ServerConfig {
        requireNonNull(host, "host is null");
        checkArgument(!host.isBlank(), "host must not be blank");
        checkArgument(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got %s", port);
    }

    /** Listening on the loopback address at {@code port}. */
    public static ServerConfig local(int port) {
        return new ServerConfig(LOOPBACK, port);
    }
}
