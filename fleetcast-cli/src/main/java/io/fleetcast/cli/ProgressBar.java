package io.fleetcast.cli;

import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.ingest.IngestReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a load's progress on stderr: a live bar when a person is watching, otherwise a line at each quarter of a large
 * file (so logs show that work goes on). Small files show nothing; their result line says enough.
 */
final class ProgressBar implements IngestProgress {
    /** Files smaller than this load in a blink: no progress shown. */
    static final long MIN_BYTES = 32L << 20;

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final Terminal terminal;
    private final IngestProgress next;
    private volatile long started;
    private volatile long lastDrawn;
    private volatile int lastQuarter;
    private volatile boolean active;
    private volatile String label = "";

    /** Shows progress, then hands every event to {@code next}. */
    ProgressBar(Terminal terminal, IngestProgress next) {
        this.terminal = terminal;
        this.next = next;
    }

    @Override
    public void started(Kind kind, Path file, long sizeBytes) {
        active = sizeBytes >= MIN_BYTES;
        started = System.nanoTime();
        lastDrawn = 0;
        lastQuarter = 0;
        label = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        next.started(kind, file, sizeBytes);
    }

    @Override
    public synchronized void progressed(long bytesRead, long totalBytes) {
        next.progressed(bytesRead, totalBytes);
        if (!active || totalBytes <= 0) {
            return;
        }
        long now = System.nanoTime();
        double fraction = Math.min(1.0, bytesRead / (double) totalBytes);
        if (terminal.isInteractive()) {
            if (now - lastDrawn < REDRAW_NANOS && fraction < 1.0) {
                return;
            }
            lastDrawn = now;
            int filled = (int) Math.round(fraction * WIDTH);
            double elapsed = (now - started) / 1e9;
            double speed = elapsed > 0 ? bytesRead / elapsed : 0;
            String eta = speed > 0 && fraction < 1.0
                    ? String.format(Locale.ROOT, ", %.0f s left", (totalBytes - bytesRead) / speed)
                    : "";
            terminal.err()
                    .printf(
                            Locale.ROOT,
                            "\r%s [%s%s] %3.0f%% %s of %s, %s/s%s   ",
                            label,
                            "#".repeat(filled),
                            " ".repeat(WIDTH - filled),
                            fraction * 100,
                            Terminal.bytes(bytesRead),
                            Terminal.bytes(totalBytes),
                            Terminal.bytes((long) speed),
                            eta);
            terminal.err().flush();
        } else {
            int quarter = (int) (fraction * 4);
            if (quarter > lastQuarter && quarter < 4) {
                lastQuarter = quarter;
                terminal.say(String.format(
                        Locale.ROOT,
                        "%s: %d%% read (%s of %s)",
                        label,
                        quarter * 25,
                        Terminal.bytes(bytesRead),
                        Terminal.bytes(totalBytes)));
            }
        }
    }

    @Override
    public void finished(IngestReport report) {
        if (active && terminal.isInteractive()) {
            terminal.err().print("\r" + " ".repeat(label.length() + WIDTH + 60) + "\r");
            terminal.err().flush();
        }
        active = false;
        next.finished(report);
    }
}
