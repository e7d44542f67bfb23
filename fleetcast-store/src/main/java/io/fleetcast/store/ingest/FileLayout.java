package io.fleetcast.store.ingest;

import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a file is which column of the data set. File columns are numbered as they appear (the CSV header,
 * or the keys of JSON Lines objects as they are first seen); each maps to a schema column or is an extra column, kept
 * in the row's {@code extra}. Thread-safe: JSON Lines files add columns while several threads read.
 */
public final class FileLayout {
    /** The column name with which a Parquet input's row number travels through the CSV it is converted to. */
    public static final String ROW_NUMBER_COLUMN = "__fleetcast_row";

    private final Schema schema;
    private final Map<String, Integer> fileIndexByName = new HashMap<>();
    private final List<String> fileNames = new ArrayList<>();
    private volatile int[] schemaIndexOfFile = new int[0];
    private volatile int[] fileIndexOfSchema;
    private volatile int rowNumberColumn = -1;
    private volatile int extraCount;

    public FileLayout(Schema schema) {
        this.schema = schema;
        int[] none = new int[schema.columns().size()];
        Arrays.fill(none, -1);
        this.fileIndexOfSchema = none;
    }

    /** A layout for a CSV header. Duplicate names are reported as file problems. */
    public static FileLayout ofHeader(Schema schema, List<String> header, ErrorCollector errors) {
        FileLayout layout = new FileLayout(schema);
        for (String name : header) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            synchronized (layout) {
                if (layout.fileIndexByName.containsKey(key)) {
                    errors.fileProblem(name.trim(), "column appears twice in the header");
                }
            }
            layout.add(name.trim());
        }
        for (Column column : schema.columns()) {
            if (column.isRequired() && layout.fileColumnOf(schema.indexOf(column.name())) < 0) {
                errors.fileProblem(column.name(), "required column is missing from the header");
            }
        }
        return layout;
    }

    /** The file column index of {@code name}, adding it if new. */
    public int indexOf(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        synchronized (this) {
            Integer index = fileIndexByName.get(key);
            return index != null ? index : add(name.trim());
        }
    }

    private synchronized int add(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        int index = fileNames.size();
        fileNames.add(name);
        fileIndexByName.putIfAbsent(key, index);
        int schemaIndex = schema.indexOf(name);
        int[] bySchema = fileIndexOfSchema;
        if (name.equals(ROW_NUMBER_COLUMN)) {
            rowNumberColumn = index;
            schemaIndex = -2;
        } else if (schemaIndex >= 0 && bySchema[schemaIndex] < 0) {
            bySchema = bySchema.clone();
            bySchema[schemaIndex] = index;
            fileIndexOfSchema = bySchema;
        } else if (schemaIndex >= 0) {
            schemaIndex = -3; // a repeated column: neither data nor extra
        } else {
            extraCount++;
        }
        int[] byFile = Arrays.copyOf(schemaIndexOfFile, index + 1);
        byFile[index] = schemaIndex;
        schemaIndexOfFile = byFile;
        return index;
    }

    /** The file column holding schema column {@code schemaIndex}, or -1 when the file lacks it. */
    public int fileColumnOf(int schemaIndex) {
        return fileIndexOfSchema[schemaIndex];
    }

    /** Whether file column {@code fileIndex} is an extra column (not one of the data set's). */
    public boolean isExtra(int fileIndex) {
        int[] byFile = schemaIndexOfFile;
        return fileIndex < byFile.length && byFile[fileIndex] == -1;
    }

    /** The file column that carries a Parquet input's row number, or -1. */
    public int rowNumberColumn() {
        return rowNumberColumn;
    }

    /** How many columns the file has so far. */
    public synchronized int fileColumnCount() {
        return fileNames.size();
    }

    /** The name of file column {@code fileIndex} as the file spells it. */
    public synchronized String fileColumnName(int fileIndex) {
        return fileNames.get(fileIndex);
    }

    public boolean hasExtras() {
        return extraCount > 0;
    }

    /** The names of the extra columns, in file order. */
    public synchronized List<String> extraColumns() {
        List<String> extras = new ArrayList<>();
        int[] byFile = schemaIndexOfFile;
        for (int i = 0; i < fileNames.size(); i++) {
            if (byFile[i] == -1) {
                extras.add(fileNames.get(i));
            }
        }
        return extras;
    }

    public Schema schema() {
        return schema;
    }
}
