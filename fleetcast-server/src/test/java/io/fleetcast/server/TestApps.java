package io.fleetcast.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Applications on new stores for the server's tests, loaded from the files a test data set writes. */
final class TestApps {
    private TestApps() {}

    /**
     * An application on a new store in {@code folder} at {@link TestFleetData#CLOCK}, loaded with the files {@code
     * writeFiles} writes into {@code folder/files} (named after their kinds, as {@code fleetcast ingest} finds them).
     */
    static FleetcastApp loadedApp(Path folder, Consumer<Path> writeFiles) {
        Path files = folder.resolve("files");
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("making " + files, e);
        }
        writeFiles.accept(files);
        FleetcastApp app = FleetcastApp.open(
                new AppConfig(StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleetData.CLOCK));
        app.ingest().ingestFolder(files, false, IngestProgress.NONE);
        return app;
    }

    /** An application on a new, empty store in {@code folder} (beside any other test store there). */
    static FleetcastApp emptyApp(Path folder) {
        return FleetcastApp.open(
                new AppConfig(StoreConfig.of(folder.resolve("empty.duckdb")).withThreads(1), TestFleetData.CLOCK));
    }

    /** Writes {@code lines} to {@code file}, each ended by a newline, in UTF-8. */
    static void write(Path file, List<String> lines) {
        try {
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
