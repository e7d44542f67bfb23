package io.fleetcast.cli;

import io.fleetcast.app.AppConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db PATH} option every command that reads or writes the store takes. */
final class StoreOptions {
    static final String DEFAULT_DATABASE = "fleetcast.duckdb";

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description = "The Fleetcast database file (default: ${DEFAULT-VALUE} in the working folder).",
            defaultValue = DEFAULT_DATABASE)
    Path database = Path.of(DEFAULT_DATABASE);

    AppConfig config() {
        return AppConfig.of(database);
    }
}
