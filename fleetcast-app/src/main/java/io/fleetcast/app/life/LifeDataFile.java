package io.fleetcast.app.life;

import io.fleetcast.app.InputFiles;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads life data from a CSV file in one of two layouts (an optional {@code count} column groups identical units):
 *
 * <ul>
 *   <li>{@code time,state[,count]}: state {@code F} (failed at time) or {@code S} (suspended: still working at time);
 *   <li>{@code lower,upper[,count]}: lower = upper, an exact failure; empty upper, right-censored at lower; empty or 0
 *       lower, left-censored (failed by upper); otherwise failed between lower and upper.
 * </ul>
 *
 * Anything else is refused naming the file, the line and the problem; nothing is half-read.
 */
final class LifeDataFile {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private LifeDataFile() {}

    static LifeData read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw FleetcastException.badInput(
                        file + ": the file is empty; expected a header \"time,state[,count]\" or"
                                + " \"lower,upper[,count]\"");
            }
            String normalised = header.replace("\"", "")
                    .replace(" ", "")
                    .replace("\uFEFF", "")
                    .toLowerCase(Locale.ROOT);
            boolean intervals;
            boolean counts;
            switch (normalised) {
                case "time,state" -> {
                    intervals = false;
                    counts = false;
                }
                case "time,state,count" -> {
                    intervals = false;
                    counts = true;
                }
                case "lower,upper" -> {
                    intervals = true;
                    counts = false;
                }
                case "lower,upper,count" -> {
                    intervals = true;
                    counts = true;
                }
                default ->
                    throw FleetcastException.badInput(file + ":1: expected the header \"time,state[,count]\" or"
                            + " \"lower,upper[,count]\", got \"" + header.strip() + "\"");
            }
            int fields = counts ? 3 : 2;
            LifeData.Builder builder = LifeData.builder();
            int line = 1;
            int rows = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] parts = text.split(",", -1);
                if (parts.length != fields) {
                    throw FleetcastException.badInput(file + ":" + line + ": expected " + fields + " fields ("
                            + normalised + "), got " + parts.length);
                }
                long count = counts ? count(file, line, parts[2].strip()) : 1;
                try {
                    if (intervals) {
                        interval(file, line, parts[0].strip(), parts[1].strip(), count, builder);
                    } else {
                        double time = number(file, line, "time", parts[0].strip());
                        String state = parts[1].strip().toUpperCase(Locale.ROOT);
                        switch (state) {
                            case "F" -> builder.failure(time, count);
                            case "S" -> builder.suspension(time, count);
                            default ->
                                throw FleetcastException.badInput(file + ":" + line + ": column \"state\":"
                                        + " expected F (failed) or S (suspended), got \"" + parts[1].strip() + "\"");
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw FleetcastException.badInput(file + ":" + line + ": " + e.getMessage());
                }
                rows++;
            }
            if (rows == 0) {
                throw FleetcastException.badInput(file + ": no data lines after the header");
            }
            return builder.build();
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
    }

    private static void interval(
            Path file, int line, String lower, String upper, long count, LifeData.Builder builder) {
        if (upper.isEmpty()) {
            if (lower.isEmpty()) {
                throw FleetcastException.badInput(file + ":" + line + ": both lower and upper are empty");
            }
            builder.suspension(number(file, line, "lower", lower), count);
            return;
        }
        double high = number(file, line, "upper", upper);
        double low = lower.isEmpty() ? 0 : number(file, line, "lower", lower);
        if (low == 0 && high > 0) {
            builder.failedBefore(high, count);
        } else if (low == high) {
            builder.failure(high, count);
        } else {
            builder.failedBetween(low, high, count);
        }
    }

    private static double number(Path file, int line, String column, String text) {
        if (!plainNumber(text)) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"" + column + "\": expected a number, got \"" + text + "\"");
        }
        return Double.parseDouble(text);
    }

    /** Digits, a point, a sign or an exponent only (not Java's hexadecimal, suffixed or named forms); then the regex. */
    static boolean plainNumber(String text) {
        boolean digits = true;
        for (int i = 0; i < text.length() && digits; i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        return (digits && !text.isEmpty()) || NUMBER.matcher(text).matches();
    }

    private static long count(Path file, int line, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column \"count\": expected a whole number of units, got \"" + text + "\"");
        }
    }
}
