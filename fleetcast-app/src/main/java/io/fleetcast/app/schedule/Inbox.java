package io.fleetcast.app.schedule;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder new data files are dropped into while the server holds the store: {@code INBOX/<kind>/FILE}, for example
 * {@code inbox/telemetry/2026-11-02.csv.gz}. Each file loads on its own, all or nothing, in the kinds' load order and
 * then by name. A loaded file moves to {@code INBOX/loaded/<kind>/}; a refused one to {@code INBOX/refused/<kind>/},
 * beside a {@code FILE.error.txt} that says why (file, line and problem), and the files after it still load.
 */
public final class Inbox {
    private final Path folder;
    private final IngestService ingest;

    public Inbox(Path folder, IngestService ingest) {
        this.folder = requireNonNull(folder, "folder is null");
        this.ingest = requireNonNull(ingest, "ingest is null");
    }

    /** The inbox folder. */
    public Path folder() {
        return folder;
    }

    /** What one pass loaded and refused. */
    public record Pass(List<IngestReport> loaded, List<String> refused) {
        public Pass {
            loaded = List.copyOf(loaded);
            refused = List.copyOf(refused);
        }

        /** One line for the job log. */
        public String summary() {
            long rows = loaded.stream().mapToLong(IngestReport::rowsLoaded).sum();
            return "inbox: " + loaded.size() + " files loaded (" + rows + " rows)"
                    + (refused.isEmpty() ? "" : ", " + refused.size() + " refused: " + String.join("; ", refused));
        }
    }

    /** Loads every file waiting in the inbox. */
    public Pass load() {
        if (!Files.isDirectory(folder)) {
            throw FleetcastException.badInput(folder + ": the inbox folder does not exist");
        }
        List<IngestReport> loaded = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Kind kind : Kind.loadOrder()) {
            for (Path file : waiting(folder.resolve(kind.tableName()))) {
                Path name = requireNonNull(file.getFileName());
                try {
                    loaded.addAll(ingest.ingest(kind, List.of(file), false, IngestProgress.NONE));
                    move(
                            file,
                            folder.resolve("loaded").resolve(kind.tableName()).resolve(name));
                } catch (FleetcastException e) {
                    if (e.kind() != ErrorKind.BAD_INPUT) {
                        throw e;
                    }
                    Path target =
                            folder.resolve("refused").resolve(kind.tableName()).resolve(name);
                    String why = String.valueOf(e.getMessage());
                    move(file, target);
                    write(target.resolveSibling(name + ".error.txt"), why);
                    refused.add(kind.tableName() + "/" + name + ": " + brief(why));
                }
            }
        }
        return new Pass(loaded, refused);
    }

    private static List<Path> waiting(Path kindFolder) {
        if (!Files.isDirectory(kindFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(kindFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> FileFormat.fromFileName(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + kindFolder, e);
        }
    }

    private static void move(Path file, Path target) {
        try {
            Files.createDirectories(requireNonNull(target.getParent()));
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + file + " to " + target, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** The message on one line (it names the file, then each bad line), at most 300 characters. */
    private static String brief(String message) {
        String line = String.join(" ", message.lines().map(String::strip).toList());
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
