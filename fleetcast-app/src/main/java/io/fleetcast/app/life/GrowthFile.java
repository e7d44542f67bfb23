package io.fleetcast.app.life;

import io.fleetcast.app.InputFiles;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.growth.GrowthData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads repairable systems' failures for a growth model from a CSV in one of two layouts:
 *
 * <ul>
 *   <li>{@code time[,system][,event]}: cumulative operating time of each failure ({@code event} F, the default) or of
 *       the end of a system's observation ({@code event} E); a system without an E row ends at {@code --end} when given,
 *       else at its last failure (a failure-terminated test);
 *   <li>{@code end,failures}: grouped data, the failures found at each inspection since the previous one.
 * </ul>
 */
public final class GrowthFile {
    private GrowthFile() {}

    /** Reads {@code file}; {@code end} is the end of observation of systems without an E row. */
    public static GrowthData read(Path file, OptionalDouble end) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw FleetcastException.badInput(file
                        + ": the file is empty; expected a header \"time[,system][,event]\"" + " or \"end,failures\"");
            }
            List<String> columns = List.of(header.replace("\uFEFF", "")
                    .replace("\"", "")
                    .replace(" ", "")
                    .toLowerCase(Locale.ROOT)
                    .split(",", -1));
            boolean grouped = columns.equals(List.of("end", "failures"));
            int time = columns.indexOf("time");
            if (!grouped && (time < 0 || !List.of("time", "system", "event").containsAll(columns))) {
                throw FleetcastException.badInput(file + ":1: expected the header \"time[,system][,event]\" or"
                        + " \"end,failures\", got \"" + header.strip() + "\"");
            }
            int system = columns.indexOf("system");
            int event = columns.indexOf("event");
            GrowthData.Builder builder = GrowthData.builder();
            Map<String, List<Double>> failures = new LinkedHashMap<>();
            Map<String, Double> ends = new LinkedHashMap<>();
            double previous = 0;
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length != columns.size()) {
                    throw FleetcastException.badInput(String.format(
                            Locale.ROOT,
                            "%s:%d: expected %d fields, got %d",
                            file,
                            line,
                            columns.size(),
                            fields.length));
                }
                try {
                    if (grouped) {
                        double upper = number(file, line, "end", fields[0].strip());
                        builder.group(previous, upper, count(file, line, fields[1].strip()));
                        previous = upper;
                        continue;
                    }
                    double t = number(file, line, "time", fields[time].strip());
                    String id = system < 0 ? "system" : fields[system].strip();
                    String kind = event < 0 ? "F" : fields[event].strip().toUpperCase(Locale.ROOT);
                    switch (kind) {
                        case "F" ->
                            failures.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
                        case "E" -> {
                            failures.computeIfAbsent(id, k -> new ArrayList<>());
                            if (ends.put(id, t) != null) {
                                throw FleetcastException.badInput(
                                        file + ":" + line + ": system " + id + " has a second end row");
                            }
                        }
                        default ->
                            throw FleetcastException.badInput(file + ":" + line + ": column \"event\": expected F"
                                    + " (failure) or E (end of observation), got \"" + fields[event].strip() + "\"");
                    }
                } catch (IllegalArgumentException e) {
                    throw FleetcastException.badInput(file + ":" + line + ": " + e.getMessage());
                }
            }
            if (line == 1) {
                throw FleetcastException.badInput(file + ": no data lines after the header");
            }
            try {
                failures.forEach((id, times) -> {
                    double last = times.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0);
                    Double own = ends.get(id);
                    double stop = own != null ? own : end.isPresent() ? end.orElseThrow() : last;
                    builder.system(id, 0, stop, times);
                });
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw FleetcastException.badInput(file + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
    }

    private static double number(Path file, int line, String column, String text) {
        if (!LifeDataFile.plainNumber(text)) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"" + column + "\": expected a number, got \"" + text + "\"");
        }
        return Double.parseDouble(text);
    }

    private static long count(Path file, int line, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"failures\": expected a whole number, got \"" + text + "\"");
        }
    }
}
