package io.fleetcast.app;

import static java.util.Objects.requireNonNull;

import io.fleetcast.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The application's configuration, validated once at startup.
 *
 * @param store where the data lives and with what resources
 * @param clock the source of "now" for logs and reports
 */
public record AppConfig(StoreConfig store, Clock clock) {
    public AppConfig {
        requireNonNull(store, "store is null");
        requireNonNull(clock, "clock is null");
    }

    /** The embedded store at {@code database}, the system clock (UTC). */
    public static AppConfig of(Path database) {
        return new AppConfig(StoreConfig.of(database), Clock.systemUTC());
    }

    public AppConfig readOnly() {
        return new AppConfig(store.withReadOnly(true), clock);
    }
}
