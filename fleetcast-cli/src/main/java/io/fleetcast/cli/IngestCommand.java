package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.error.InputError;
import io.fleetcast.store.ingest.IngestReport;
import io.fleetcast.store.ingest.SlashDates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Load files into the store. Every row is checked; a file with any bad row loads nothing (exit code 2)"
                    + " unless --skip-bad, and each file is one transaction. Loading the same file again changes"
                    + " nothing; rows of a newer file replace stored rows with the same natural key.",
            "",
            "KIND is one of: skus assets services orders events drivers adjustments usage costs budgets telemetry"
                    + " requests, or 'all' followed by a folder whose files are named after their kinds (as 'fleetcast"
                    + " simulate' writes them), loaded in dependency order.",
            "Formats: CSV with a header, Parquet, JSON Lines; .csv.gz and .jsonl.gz are read compressed."
        })
final class IngestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "The kind of data, or 'all' for a folder.")
    String kind = "";

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Files to load (for 'all': one folder).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--skip-bad", description = "Load the good rows; keep each bad row in the rejects table.")
    boolean skipBad;

    @Option(
            names = "--slash-dates",
            paramLabel = "ORDER",
            description = "Read dates a spreadsheet wrote with slashes (4/1/26): MDY (month first) or DMY (day first)."
                    + " Without it they are refused as ambiguous.")
    @org.jspecify.annotations.Nullable
    String slashDates;

    @Option(names = "--json", description = "Print the load reports as one JSON document on stdout.")
    boolean json;

    /** The reports of a run, as {@code --json} prints them. */
    record IngestView(String database, List<IngestReport> files) {}

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        IngestProgress progress = new ProgressBar(terminal, reporter(terminal));
        SlashDates order = slashDates(slashDates);
        try (FleetcastApp app = FleetcastApp.open(store.config())) {
            List<IngestReport> reports;
            if (kind.equalsIgnoreCase("all")) {
                if (files.size() != 1) {
                    throw FleetcastException.badInput("'ingest all' takes exactly one folder, got " + files.size());
                }
                reports = app.ingest().ingestFolder(files.get(0), skipBad, order, progress);
            } else {
                Kind parsed = Kind.parse(kind)
                        .orElseThrow(() -> FleetcastException.badInput("unknown kind '" + kind + "'; use one of "
                                + String.join(
                                        " ",
                                        Kind.loadOrder().stream()
                                                .map(Kind::tableName)
                                                .toList())
                                + ", or all"));
                reports = app.ingest().ingest(parsed, files, skipBad, order, progress);
            }
            if (json) {
                terminal.json(new IngestView(store.database.toString(), reports));
            } else if (reports.size() > 1) {
                long rows = reports.stream().mapToLong(IngestReport::rowsLoaded).sum();
                terminal.say(String.format(
                        Locale.ROOT,
                        "%d files, %s loaded into %s",
                        reports.size(),
                        Terminal.rows(rows),
                        store.database));
            }
        }
        return 0;
    }

    private static SlashDates slashDates(@org.jspecify.annotations.Nullable String text) {
        if (text == null) {
            return SlashDates.REFUSE;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "MDY" -> SlashDates.MONTH_FIRST;
            case "DMY" -> SlashDates.DAY_FIRST;
            default -> throw FleetcastException.badInput("--slash-dates takes MDY or DMY, not '" + text + "'");
        };
    }

    /** Says what each file's load did, as it finishes. */
    static IngestProgress reporter(Terminal terminal) {
        return new Reporter(terminal);
    }

    /** Says what each file's load did, as it finishes. */
    private static final class Reporter implements IngestProgress {
        private final Terminal terminal;
        private volatile long started;

        Reporter(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void started(Kind kind, Path file, long sizeBytes) {
            started = System.nanoTime();
        }

        @Override
        public void finished(IngestReport report) {
            long elapsed = System.nanoTime() - started;
            String target = report.sourceFile() + " -> " + report.kind().tableName();
            if (report.alreadyLoaded()) {
                terminal.say(target + ": already loaded as ingest #" + report.ingestId() + "; nothing changed");
                return;
            }
            StringBuilder line = new StringBuilder(target)
                    .append(": ")
                    .append(Terminal.rows(report.rowsLoaded()))
                    .append(" loaded (ingest #")
                    .append(report.ingestId())
                    .append(") in ")
                    .append(Terminal.seconds(elapsed))
                    .append(", ")
                    .append(Terminal.rate(report.rowsRead(), elapsed));
            if (report.rowsReplaced() > 0) {
                line.append("; replaced ")
                        .append(Terminal.rows(report.rowsReplaced()))
                        .append(" of earlier files");
            }
            if (!report.extraColumns().isEmpty()) {
                line.append("; kept extra columns ").append(String.join(", ", report.extraColumns()));
            }
            terminal.say(line.toString());
            if (report.rowsRejected() > 0) {
                terminal.say("  " + Terminal.rows(report.rowsRejected())
                        + " rejected and kept in the rejects table, the first:");
                for (InputError error : report.rejected()) {
                    terminal.say("    " + error.render());
                }
            }
        }
    }
}
