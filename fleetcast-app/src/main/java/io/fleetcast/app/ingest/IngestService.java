package io.fleetcast.app.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.Store;
import io.fleetcast.store.ingest.FileFormat;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.IngestRequest;
import io.fleetcast.store.ingest.SlashDates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads files into the store. Each file is its own transaction; a multi-file load stops at the first file that is
 * refused, leaving the files before it loaded (and saying so through {@link IngestProgress}).
 */
public final class IngestService {
    private final Store store;

    public IngestService(Store store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Loads {@code files} as {@code kind}, in the order given.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file (and lines) that was refused
     */
    public List<IngestReport> ingest(Kind kind, List<Path> files, boolean skipBad, IngestProgress progress) {
        return ingest(kind, files, skipBad, SlashDates.REFUSE, progress);
    }

    /**
     * Loads {@code files} as {@code kind}, in the order given, reading dates written like {@code 4/1/26} as {@code
     * slashDates} says.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file (and lines) that was refused
     */
    public List<IngestReport> ingest(
            Kind kind, List<Path> files, boolean skipBad, SlashDates slashDates, IngestProgress progress) {
        requireNonNull(kind, "kind is null");
        if (files.isEmpty()) {
            throw FleetcastException.badInput("no files to load");
        }
        ImmutableList.Builder<IngestReport> reports = ImmutableList.builder();
        for (Path file : files) {
            reports.add(ingestOne(kind, file, skipBad, slashDates, progress));
        }
        return reports.build();
    }

    /**
     * Loads every data file in {@code folder} (as {@code fleetcast simulate} writes them: {@code skus.csv},
     * {@code usage.parquet}, {@code costs.jsonl.gz}, ...) in dependency order, so that references resolve.
     *
     * @throws FleetcastException {@code BAD_INPUT} if the folder holds no data file, or naming the file refused
     */
    public List<IngestReport> ingestFolder(Path folder, boolean skipBad, IngestProgress progress) {
        return ingestFolder(folder, skipBad, SlashDates.REFUSE, progress);
    }

    /** As {@link #ingestFolder(Path, boolean, IngestProgress)}, reading slash dates as {@code slashDates} says. */
    public List<IngestReport> ingestFolder(
            Path folder, boolean skipBad, SlashDates slashDates, IngestProgress progress) {
        List<FolderEntry> entries = dataFiles(folder);
        if (entries.isEmpty()) {
            throw FleetcastException.badInput(folder + " holds no data files; expected files named after a kind ("
                    + String.join(
                            ", ", Kind.loadOrder().stream().map(Kind::tableName).toList())
                    + ") ending in .csv, .csv.gz, .parquet, .jsonl or .jsonl.gz");
        }
        ImmutableList.Builder<IngestReport> reports = ImmutableList.builder();
        for (FolderEntry entry : entries) {
            reports.add(ingestOne(entry.kind(), entry.file(), skipBad, slashDates, progress));
        }
        return reports.build();
    }

    /** A data file found in a folder, and the kind its name says it holds. */
    public record FolderEntry(Kind kind, Path file) {}

    /** The data files of {@code folder}, in the order they must load: by kind, then by name. */
    public static List<FolderEntry> dataFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw FleetcastException.badInput(folder + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
        List<FolderEntry> entries = new ArrayList<>();
        for (Kind kind : Kind.loadOrder()) {
            for (Path file : files) {
                if (kindOf(file).filter(kind::equals).isPresent()) {
                    entries.add(new FolderEntry(kind, file));
                }
            }
        }
        return entries;
    }

    /** The kind a file's name says it holds: its name up to the first dot ({@code usage.csv.gz} is usage). */
    static Optional<Kind> kindOf(Path file) {
        Path name = file.getFileName();
        if (name == null || FileFormat.fromFileName(file).isEmpty()) {
            return Optional.empty();
        }
        String base = name.toString();
        int dot = base.indexOf('.');
        return Kind.parse(dot < 0 ? base : base.substring(0, dot).toLowerCase(Locale.ROOT));
    }

    private IngestReport ingestOne(
            Kind kind, Path file, boolean skipBad, SlashDates slashDates, IngestProgress progress) {
        FileFormat format = FileFormat.fromFileName(file)
                .orElseThrow(() -> FleetcastException.badInput(
                        file + ": unknown file type; use .csv, .parquet or .jsonl (optionally .gz for csv and jsonl)"));
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(file + ": no such file");
        }
        progress.started(kind, file, size(file));
        IngestReport report =
                store.ingest(new IngestRequest(kind, file, format, skipBad, slashDates), progress::progressed);
        progress.finished(report);
        return report;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
