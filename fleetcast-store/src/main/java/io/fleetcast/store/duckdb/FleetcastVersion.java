package io.fleetcast.store.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this Fleetcast build, recorded with every load. */
final class FleetcastVersion {
    private FleetcastVersion() {}

    static String get() {
        try (InputStream in = FleetcastVersion.class.getResourceAsStream("/io/fleetcast/store/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the build's version", e);
        }
    }
}
