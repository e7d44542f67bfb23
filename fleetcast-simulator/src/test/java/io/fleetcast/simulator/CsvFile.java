package io.fleetcast.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A minimal RFC 4180 reader for the simulator's own output (test code, not the product's parser). */
final class CsvFile {
    private CsvFile() {}

    /** The header's fields. */
    static List<String> header(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? List.of() : split(line);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Calls {@code row} with each data row's fields, in file order. */
    static void forEachRow(Path file, Consumer<List<String>> row) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                row.accept(split(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Every data row, its fields read by column name. */
    static List<Row> rows(Path file) {
        List<String> header = header(file);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.put(header.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        forEachRow(file, fields -> rows.add(new Row(positions, fields)));
        return rows;
    }

    /** One data row. */
    record Row(Map<String, Integer> positions, List<String> fields) {
        /** The field of {@code column}; fails for a column the file does not have. */
        String get(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return fields.get(position);
        }
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
