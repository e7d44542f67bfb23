package io.fleetcast.store.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats ingestion reads. Gzip-compressed CSV and JSON Lines ({@code .csv.gz}, {@code .jsonl.gz}) too. */
public enum FileFormat {
    /** Comma-separated values with a header line (RFC 4180 quoting). */
    CSV,
    /** Apache Parquet. */
    PARQUET,
    /** One JSON object per line. */
    JSON_LINES;

    /** The format a file name implies: {@code .csv}, {@code .parquet}, {@code .jsonl}/{@code .ndjson}, optionally {@code .gz}. */
    public static Optional<FileFormat> fromFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }

    /** Whether the file name ends in {@code .gz}. */
    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
