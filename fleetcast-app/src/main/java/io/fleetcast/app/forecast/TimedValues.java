package io.fleetcast.app.forecast;

import io.fleetcast.app.InputFiles;
import io.fleetcast.core.error.FleetcastException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A {@code ts,value} CSV file as read: one row per line with its timestamp and value ({@code NaN} where the value is
 * missing: empty, {@code NA} or {@code NaN}), sorted by time. Timestamps are ISO dates ({@code 2026-03-01}), date-times
 * with an offset ({@code 2026-03-01T10:00:00Z}) or without one (read as UTC; a space may replace the {@code T}).
 * Anything else, a duplicate timestamp, or a value that is not a number is refused naming the file and line.
 */
record TimedValues(Path file, List<Row> rows, boolean datesOnly) {
    /** A plain decimal number, optionally with an exponent (not Java's hexadecimal or suffixed forms). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** One data line. */
    record Row(int line, Instant ts, double value) {}

    static TimedValues read(Path file) {
        List<Row> rows = new ArrayList<>();
        boolean datesOnly = true;
        try (BufferedReader reader = open(file)) {
            String header = reader.readLine();
            if (header == null) {
                throw FleetcastException.badInput(file + ": the file is empty; expected a header line \"ts,value\"");
            }
            if (!normalise(header).equals("ts,value")) {
                throw FleetcastException.badInput(
                        file + ":1: expected the header \"ts,value\", got \"" + header.strip() + "\"");
            }
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length != 2) {
                    throw FleetcastException.badInput(
                            file + ":" + line + ": expected 2 fields (ts,value), got " + fields.length);
                }
                String ts = unquote(fields[0]);
                datesOnly &= ts.length() == 10;
                rows.add(new Row(line, timestamp(file, line, ts), value(file, line, unquote(fields[1]))));
            }
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
        rows.sort(Comparator.comparing(Row::ts));
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).ts().equals(rows.get(i - 1).ts())) {
                int first = Math.min(rows.get(i - 1).line(), rows.get(i).line());
                int second = Math.max(rows.get(i - 1).line(), rows.get(i).line());
                throw FleetcastException.badInput(file + ":" + second + ": duplicate timestamp "
                        + rows.get(i).ts() + " (also on line " + first + "); keep one value per timestamp");
            }
        }
        return new TimedValues(file, List.copyOf(rows), datesOnly && !rows.isEmpty());
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static String normalise(String header) {
        return header.replace("\"", "").replace(" ", "").replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    private static String unquote(String field) {
        String trimmed = field.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }

    private static Instant timestamp(Path file, int line, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw FleetcastException.badInput(file + ":" + line + ": column \"ts\": expected an ISO date or date-time"
                    + " such as 2026-03-01 or 2026-03-01T10:00:00Z, got \"" + text + "\"");
        }
    }

    private static double value(Path file, int line, String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"value\": expected a number, got \"" + text + "\"");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"value\": expected a finite number, got \"" + text + "\"");
        }
        return value;
    }
}
