package io.fleetcast.simulator.internal.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one data set's CSV file row by row in the column order of its {@link Schema}. Callers set the fields of a row
 * by column index ({@link #column(String)}) in any order, then call {@link #endRow()}; fields not set are written
 * empty. A row that leaves a required column empty is a bug of the caller and fails with {@link IllegalStateException}.
 *
 * <p>Numbers are written with {@code .} as decimal separator and never in scientific notation. I/O errors surface as
 * {@link UncheckedIOException} naming the file.
 */
public final class CsvTableWriter implements Closeable {
    private static final int BUFFER_BYTES = 1 << 18;
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
    private static final int PROGRESS_CHECK_ROWS = 1 << 14;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };
    private static final double LARGEST_EXACT = 9e15;

    private final Path path;
    private final Schema schema;
    private final OutputStream output;
    private final RowProgress progress;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int bufferLength;
    private final byte[][] slots;
    private final int[] slotLengths;
    private final boolean[] required;
    private final byte[] digits = new byte[24];
    private static final int DATE_CACHE_SIZE = 64;
    private final byte[][] cachedDates = new byte[DATE_CACHE_SIZE][10];
    private final int[] cachedDays = new int[DATE_CACHE_SIZE];
    private long rows;
    private long lastProgressNanos;
    private boolean closed;

    private CsvTableWriter(Path path, Schema schema, OutputStream output, RowProgress progress) {
        this.path = path;
        this.schema = schema;
        this.output = output;
        this.progress = progress;
        List<Column> columns = schema.columns();
        this.slots = new byte[columns.size()][];
        this.slotLengths = new int[columns.size()];
        this.required = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            slots[i] = new byte[32];
            required[i] = columns.get(i).isRequired();
        }
    }

    /** Opens {@code path} (replacing it) and writes the header: the schema's column names in order. */
    public static CsvTableWriter open(Path path, Schema schema, RowProgress progress) {
        requireNonNull(path, "path is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(progress, "progress is null");
        OutputStream output;
        try {
            output = Files.newOutputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path, e);
        }
        CsvTableWriter writer = new CsvTableWriter(path, schema, output, progress);
        List<String> names = schema.columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                writer.put((byte) ',');
            }
            writer.put(CsvField.encode(names.get(i)));
        }
        writer.put((byte) '\n');
        writer.lastProgressNanos = System.nanoTime();
        progress.rows(0, false);
        return writer;
    }

    /** The index of the column named {@code name}; fails when the schema has no such column. */
    public int column(String name) {
        int index = schema.indexOf(name);
        checkArgument(index >= 0, "%s has no column %s", schema.kind(), name);
        return index;
    }

    public Path path() {
        return path;
    }

    /** Data rows written so far. */
    public long rows() {
        return rows;
    }

    /** Sets a text field (quoted when needed). */
    public CsvTableWriter text(int column, String value) {
        byte[] encoded = CsvField.encode(value);
        byte[] slot = slot(column, encoded.length);
        System.arraycopy(encoded, 0, slot, 0, encoded.length);
        slotLengths[column] = encoded.length;
        return this;
    }

    /** Sets a pre-encoded text field. */
    public CsvTableWriter text(int column, CsvField value) {
        byte[] slot = slot(column, value.length());
        value.copyTo(slot, 0);
        slotLengths[column] = value.length();
        return this;
    }

    /** Sets a whole number. */
    public CsvTableWriter integer(int column, long value) {
        byte[] slot = slot(column, 21);
        slotLengths[column] = writeLong(slot, 0, value);
        return this;
    }

    /**
     * Sets a number rounded to {@code decimals} places (0 to 9), trailing zeros dropped: {@code 12.5}, {@code 3},
     * {@code 0.125}. Fails on NaN and infinities, which no column accepts.
     */
    public CsvTableWriter number(int column, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(schema.kind().tableName() + " column "
                    + schema.columns().get(column).name() + ": value " + value + " is not finite");
        }
        checkArgument(decimals >= 0 && decimals < POWERS_OF_TEN.length, "decimals %s out of range", decimals);
        long scale = POWERS_OF_TEN[decimals];
        double scaled = value * scale;
        if (Math.abs(scaled) >= LARGEST_EXACT) {
            return integer(column, Math.round(value));
        }
        return scaledDecimal(column, Math.round(scaled), decimals);
    }

    /** Sets an exact amount given in millionths (money): {@code 1234500} is written {@code 1.2345}. */
    public CsvTableWriter micros(int column, long micros) {
        return scaledDecimal(column, micros, 6);
    }

    /** Sets a date, {@code 2026-03-01}, from a UTC epoch day. */
    public CsvTableWriter date(int column, int epochDay) {
        byte[] slot = slot(column, 10);
        writeDate(slot, 0, epochDay);
        slotLengths[column] = 10;
        return this;
    }

    /** Sets a timestamp at the start of {@code hour} (0–23) of a UTC epoch day: {@code 2026-03-01T13:00:00Z}. */
    public CsvTableWriter timestamp(int column, int epochDay, int hour) {
        return timestamp(column, epochDay, hour, 0);
    }

    /** Sets a timestamp at {@code hour}:{@code minute} of a UTC epoch day: {@code 2026-03-01T13:05:00Z}. */
    public CsvTableWriter timestamp(int column, int epochDay, int hour, int minute) {
        checkArgument(hour >= 0 && hour < 24, "hour %s out of range", hour);
        checkArgument(minute >= 0 && minute < 60, "minute %s out of range", minute);
        byte[] slot = slot(column, 20);
        writeDate(slot, 0, epochDay);
        slot[10] = 'T';
        slot[11] = (byte) ('0' + hour / 10);
        slot[12] = (byte) ('0' + hour % 10);
        slot[13] = ':';
        slot[14] = (byte) ('0' + minute / 10);
        slot[15] = (byte) ('0' + minute % 10);
        slot[16] = ':';
        slot[17] = '0';
        slot[18] = '0';
        slot[19] = 'Z';
        slotLengths[column] = 20;
        return this;
    }

    /** Writes the row: every column in schema order, unset ones empty; then clears the fields for the next row. */
    public void endRow() {
        for (int i = 0; i < slots.length; i++) {
            if (required[i] && slotLengths[i] == 0) {
                throw new IllegalStateException(schema.kind().tableName() + " row " + (rows + 1) + ": required column "
                        + schema.columns().get(i).name() + " is empty");
            }
        }
        for (int i = 0; i < slots.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            int length = slotLengths[i];
            if (length > 0) {
                put(slots[i], length);
                slotLengths[i] = 0;
            }
        }
        put((byte) '\n');
        rows++;
        if ((rows & (PROGRESS_CHECK_ROWS - 1)) == 0) {
            long now = System.nanoTime();
            if (now - lastProgressNanos >= PROGRESS_INTERVAL_NANOS) {
                lastProgressNanos = now;
                progress.rows(rows, false);
            }
        }
    }

    /** Flushes the remaining rows, closes the file and reports the final row count as complete. */
    public void finish() {
        closeOutput();
        progress.rows(rows, true);
    }

    /**
     * Closes the file if {@link #finish()} has not; reports nothing, so a file abandoned after an error is never
     * reported complete.
     */
    @Override
    public void close() {
        closeOutput();
    }

    private void closeOutput() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream stream = output) {
            stream.write(buffer, 0, bufferLength);
            bufferLength = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path, e);
        }
    }

    private CsvTableWriter scaledDecimal(int column, long scaled, int decimals) {
        byte[] slot = slot(column, 24);
        int length = 0;
        long magnitude = scaled;
        if (scaled < 0) {
            slot[length++] = '-';
            magnitude = -scaled;
        }
        long scale = POWERS_OF_TEN[decimals];
        long whole = magnitude / scale;
        long fraction = magnitude % scale;
        length = writeLong(slot, length, whole);
        if (fraction != 0) {
            int places = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            slot[length++] = '.';
            for (int i = places - 1; i >= 0; i--) {
                slot[length + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            length += places;
        }
        if (length == 2 && slot[0] == '-' && slot[1] == '0') {
            slot[0] = '0';
            length = 1;
        }
        slotLengths[column] = length;
        return this;
    }

    private int writeLong(byte[] target, int offset, long value) {
        if (value == 0) {
            target[offset] = '0';
            return offset + 1;
        }
        int position = offset;
        long remaining = value;
        if (remaining < 0) {
            target[position++] = '-';
            if (remaining == Long.MIN_VALUE) {
                byte[] text = Long.toString(remaining).substring(1).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(text, 0, target, position, text.length);
                return position + text.length;
            }
            remaining = -remaining;
        }
        int count = 0;
        while (remaining > 0) {
            digits[count++] = (byte) ('0' + remaining % 10);
            remaining /= 10;
        }
        for (int i = count - 1; i >= 0; i--) {
            target[position++] = digits[i];
        }
        return position;
    }

    private void writeDate(byte[] target, int offset, int epochDay) {
        // A small direct-mapped cache: rows repeat a handful of dates (the day, the next day, the month's bounds).
        int entry = epochDay & (DATE_CACHE_SIZE - 1);
        byte[] cached = cachedDates[entry];
        if (cachedDays[entry] != epochDay || cached[0] == 0) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            int year = date.getYear();
            checkArgument(year >= 1000 && year <= 9999, "year %s cannot be written as four digits", year);
            cached[0] = (byte) ('0' + year / 1000);
            cached[1] = (byte) ('0' + year / 100 % 10);
            cached[2] = (byte) ('0' + year / 10 % 10);
            cached[3] = (byte) ('0' + year % 10);
            cached[4] = '-';
            int month = date.getMonthValue();
            cached[5] = (byte) ('0' + month / 10);
            cached[6] = (byte) ('0' + month % 10);
            cached[7] = '-';
            int day = date.getDayOfMonth();
            cached[8] = (byte) ('0' + day / 10);
            cached[9] = (byte) ('0' + day % 10);
            cachedDays[entry] = epochDay;
        }
        System.arraycopy(cached, 0, target, offset, 10);
    }

    private byte[] slot(int column, int capacity) {
        byte[] slot = slots[column];
        if (slot.length < capacity) {
            slot = Arrays.copyOf(slot, Math.max(capacity, slot.length * 2));
            slots[column] = slot;
        }
        return slot;
    }

    private void put(byte value) {
        if (bufferLength == buffer.length) {
            flush();
        }
        buffer[bufferLength++] = value;
    }

    private void put(byte[] bytes) {
        put(bytes, bytes.length);
    }

    private void put(byte[] bytes, int length) {
        if (bufferLength + length > buffer.length) {
            flush();
            if (length > buffer.length) {
                write(bytes, length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, bufferLength, length);
        bufferLength += length;
    }

    private void flush() {
        write(buffer, bufferLength);
        bufferLength = 0;
    }

    private void write(byte[] bytes, int length) {
        try {
            output.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path, e);
        }
    }
}
