package io.fleetcast.app.life;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.fleetcast.app.InputFiles;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file of units, one per line, into life data per segment: a CSV (gzip-compressed when its name ends in
 * {@code .gz}) with a header naming its columns, of which the caller picks the age at the end of observation, the
 * state (failed or not), optionally the age at which observation began (left truncation: a drive first seen at 9,000
 * power-on hours) and a column to segment by. Anything else is refused naming the file, the line and the problem;
 * nothing is half-read.
 */
public final class LifeTableFile {
    private LifeTableFile() {}

    /**
     * Which columns to read.
     *
     * @param time the age at the end of observation (failure or suspension)
     * @param state failed or not: {@code F}/{@code S}, {@code 1}/{@code 0}, {@code true}/{@code false} or {@code
     *     failed}/{@code suspended}, in any case
     * @param entry the age at which observation began, or {@code null} for units watched from age 0
     * @param by the column to segment by, or {@code null} for one segment of all units
     * @param unit the time unit, for labels (e.g. {@code hours})
     */
    public record Columns(
            String time,
            String state,
            @Nullable String entry,
            @Nullable String by,
            String unit) {
        public Columns {
            requireNonNull(time, "time is null");
            requireNonNull(state, "state is null");
            requireNonNull(unit, "unit is null");
        }
    }

    /**
     * The file's units.
     *
     * @param by the segmenting column, or {@code all}
     * @param unit the time unit
     * @param segments each segment's life data, by segment name
     * @param notes what was read
     */
    public record Table(
            String by, String unit, ImmutableSortedMap<String, LifeData> segments, ImmutableList<String> notes) {}

    /** Reads {@code file}. */
    public static Table read(Path file, Columns columns) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw FleetcastException.badInput(file + ": the file is empty; expected a header naming its columns");
            }
            List<String> header = split(file, 1, headerLine.replace("\uFEFF", ""));
            int time = column(file, header, columns.time(), "--time");
            int state = column(file, header, columns.state(), "--state");
            String entryName = columns.entry();
            int entry = entryName == null ? -1 : column(file, header, entryName, "--entry");
            String byName = columns.by();
            int by = byName == null ? -1 : column(file, header, byName, "--by");
            Map<String, LifeData.Builder> builders = new TreeMap<>();
            long units = 0;
            long truncated = 0;
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> fields = split(file, line, text);
                if (fields.size() != header.size()) {
                    throw FleetcastException.badInput(String.format(
                            Locale.ROOT,
                            "%s:%d: expected %d fields as in the header, got %d",
                            file,
                            line,
                            header.size(),
                            fields.size()));
                }
                double age = number(file, line, columns.time(), fields.get(time));
                boolean failed = failed(file, line, columns.state(), fields.get(state));
                double entered = entry < 0 ? 0 : number(file, line, requireNonNull(entryName), fields.get(entry));
                if (failed && !(age > 0)) {
                    throw FleetcastException.badInput(String.format(
                            Locale.ROOT, "%s:%d: a failure needs an age above 0, got %s", file, line, age));
                }
                if (entered > age || (failed && entered == age)) {
                    throw FleetcastException.badInput(String.format(
                            Locale.ROOT,
                            "%s:%d: the unit entered observation at %s, not before its end at %s",
                            file,
                            line,
                            entered,
                            age));
                }
                String segment = by < 0 ? "all" : fields.get(by);
                LifeData.Builder builder = builders.computeIfAbsent(segment, k -> LifeData.builder());
                if (failed) {
                    builder.failure(age, 1);
                } else {
                    builder.suspension(age, 1);
                }
                if (entered > 0) {
                    builder.enteredAt(entered, 1);
                    truncated++;
                }
                units++;
            }
            if (units == 0) {
                throw FleetcastException.badInput(file + ": no data lines after the header");
            }
            ImmutableSortedMap.Builder<String, LifeData> segments = ImmutableSortedMap.naturalOrder();
            builders.forEach((segment, builder) -> segments.put(segment, builder.build()));
            return new Table(
                    byName == null ? "all" : byName,
                    columns.unit(),
                    segments.buildOrThrow(),
                    ImmutableList.of(String.format(
                            Locale.ROOT,
                            "%d units from %s; %d first observed after age 0 (left-truncated)",
                            units,
                            file.getFileName(),
                            truncated)));
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
    }

    private static int column(Path file, List<String> header, String name, String option) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw FleetcastException.badInput(String.format(
                    Locale.ROOT, "%s:1: no column \"%s\" (%s); the columns are %s", file, name, option, header));
        }
        return index;
    }

    private static double number(Path file, int line, String column, String text) {
        if (!LifeDataFile.plainNumber(text)) {
            throw FleetcastException.badInput(String.format(
                    Locale.ROOT,
                    "%s:%d: column \"%s\": expected an age (a number >= 0), got \"%s\"",
                    file,
                    line,
                    column,
                    text));
        }
        double value = Double.parseDouble(text);
        if (value < 0) {
            throw FleetcastException.badInput(String.format(
                    Locale.ROOT, "%s:%d: column \"%s\": an age cannot be negative, got %s", file, line, column, text));
        }
        return value;
    }

    private static boolean failed(Path file, int line, String column, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "f", "1", "true", "failed", "failure" -> true;
            case "s", "0", "false", "suspended", "suspension" -> false;
            default ->
                throw FleetcastException.badInput(String.format(
                        Locale.ROOT,
                        "%s:%d: column \"%s\": expected F or S (also 1/0, true/false), got \"%s\"",
                        file,
                        line,
                        column,
                        text));
        };
    }

    /** The fields of one CSV line: commas separate, double quotes enclose (with "" for a quote); fields trimmed. */
    private static List<String> split(Path file, int line, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw FleetcastException.badInput(file + ":" + line + ": a quoted field is not closed on its line");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
