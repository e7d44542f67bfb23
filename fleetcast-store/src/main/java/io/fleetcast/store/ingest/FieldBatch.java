package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Up to a chunk's worth of records from one block, split into fields but not yet typed: field {@code f} of row
 * {@code r} is bytes {@code [start(f, r), end(f, r))} of the block, or of the batch's scratch space for rows whose text
 * had to be rewritten (quoted fields with doubled quotes, JSON values). Field positions are kept per field, so that a
 * converter can read one column of every row in a tight loop. Reused batch after batch by one loading thread; not
 * thread-safe.
 */
final class FieldBatch {
    private final int capacity;
    private byte[] block = new byte[0];
    private byte[] scratch = new byte[4096];
    private int scratchLength;
    private int size;
    private int width;
    private int[][] starts = new int[0][];
    private int[][] ends = new int[0][];
    private final long[] lines;
    private final int[] rawStarts;
    private final int[] rawEnds;
    private final int[] fieldCounts;
    private final boolean[] inScratch;
    private final @Nullable String[] problems;

    FieldBatch(int capacity) {
        this.capacity = capacity;
        lines = new long[capacity];
        rawStarts = new int[capacity];
        rawEnds = new int[capacity];
        fieldCounts = new int[capacity];
        inScratch = new boolean[capacity];
        problems = new String[capacity];
    }

    /** Empties the batch for rows of {@code block}. */
    void reset(byte[] block) {
        this.block = block;
        size = 0;
        scratchLength = 0;
    }

    int capacity() {
        return capacity;
    }

    /** Starts a row at {@code line}, whose text starts at {@code rawStart} of the block; returns its index. */
    int beginRow(long line, int rawStart) {
        int row = size++;
        lines[row] = line;
        rawStarts[row] = rawStart;
        rawEnds[row] = rawStart;
        fieldCounts[row] = 0;
        inScratch[row] = false;
        problems[row] = null;
        return row;
    }

    /** Marks every field of {@code row} empty (for records that name their fields, such as JSON objects). */
    void clearFields(int row) {
        for (int field = 0; field < width; field++) {
            starts[field][row] = 0;
            ends[field][row] = 0;
        }
    }

    /** Drops the last row begun (a blank line after all). */
    void dropLastRow() {
        size--;
    }

    void ensureWidth(int fields) {
        if (fields <= width) {
            return;
        }
        int grown = Math.max(fields, width * 2);
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
        for (int field = width; field < grown; field++) {
            starts[field] = new int[capacity];
            ends[field] = new int[capacity];
        }
        width = grown;
    }

    /** Sets field {@code field} of {@code row} to {@code [start, end)} of the block (or of scratch for scratch rows). */
    void setField(int row, int field, int start, int end) {
        if (field >= width) {
            ensureWidth(field + 1);
        }
        starts[field][row] = start;
        ends[field][row] = end;
        if (field >= fieldCounts[row]) {
            fieldCounts[row] = field + 1;
        }
    }

    /** Copies {@code bytes[start, end)} into scratch and makes it field {@code field} of {@code row}, a scratch row. */
    void setCopiedField(int row, int field, byte[] bytes, int start, int end) {
        if (!inScratch[row]) {
            moveToScratch(row);
        }
        int at = reserve(end - start);
        System.arraycopy(bytes, start, scratch, at, end - start);
        scratchLength = at + (end - start);
        setField(row, field, at, at + (end - start));
    }

    /**
     * Makes {@code row} a scratch row: copies the fields it has so far from the block into scratch, so that every field
     * of the row lives in the same array.
     */
    void moveToScratch(int row) {
        for (int field = 0; field < fieldCounts[row]; field++) {
            int start = starts[field][row];
            int length = ends[field][row] - start;
            int at = reserve(length);
            System.arraycopy(block, start, scratch, at, length);
            scratchLength = at + length;
            starts[field][row] = at;
            ends[field][row] = at + length;
        }
        inScratch[row] = true;
    }

    /** Where {@code length} more bytes of scratch start; grows scratch, keeping what it holds. */
    int reserve(int length) {
        if (scratchLength + length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + length));
        }
        return scratchLength;
    }

    /** The scratch array, to write {@link #reserve reserved} bytes into. */
    byte[] scratch() {
        return scratch;
    }

    void commitScratch(int end) {
        scratchLength = end;
    }

    void setFieldCount(int row, int count) {
        fieldCounts[row] = count;
    }

    void setRawEnd(int row, int rawEnd) {
        rawEnds[row] = rawEnd;
    }

    void setProblem(int row, String problem) {
        if (problems[row] == null) {
            problems[row] = problem;
        }
    }

    void setLine(int row, long line) {
        lines[row] = line;
    }

    int size() {
        return size;
    }

    /** Number of fields the batch tracks (at least every row's field count). */
    int width() {
        return width;
    }

    /** The array field positions of {@code row} point into. */
    byte[] array(int row) {
        return inScratch[row] ? scratch : block;
    }

    int[] starts(int field) {
        return starts[field];
    }

    int[] ends(int field) {
        return ends[field];
    }

    int fieldCount(int row) {
        return fieldCounts[row];
    }

    long line(int row) {
        return lines[row];
    }

    @Nullable
    String problem(int row) {
        return problems[row];
    }

    /** Whether field {@code field} of {@code row} exists and holds a value: not empty, not {@code NULL}/{@code null}. */
    boolean isPresent(int row, int field) {
        if (field >= width || field >= fieldCounts[row]) {
            return false;
        }
        byte[] bytes = array(row);
        int start = trimStart(bytes, starts[field][row], ends[field][row]);
        int end = trimEnd(bytes, start, ends[field][row]);
        return end > start && !isNullLiteral(bytes, start, end);
    }

    /** Field {@code field} of {@code row} as text, trimmed; empty when absent. */
    String text(int row, int field) {
        if (!isPresent(row, field)) {
            return "";
        }
        byte[] bytes = array(row);
        int start = trimStart(bytes, starts[field][row], ends[field][row]);
        int end = trimEnd(bytes, start, ends[field][row]);
        return new String(bytes, start, end - start, UTF_8);
    }

    /** The row's original text, without its line end. */
    String rawText(int row) {
        int end = rawEnds[row];
        int start = rawStarts[row];
        while (end > start && (block[end - 1] == '\n' || block[end - 1] == '\r')) {
            end--;
        }
        return new String(block, start, end - start, UTF_8);
    }

    static int trimStart(byte[] bytes, int start, int end) {
        int s = start;
        while (s < end && (bytes[s] == ' ' || bytes[s] == '\t')) {
            s++;
        }
        return s;
    }

    static int trimEnd(byte[] bytes, int start, int end) {
        int e = end;
        while (e > start && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    static boolean isNullLiteral(byte[] bytes, int start, int end) {
        return end - start == 4
                && (bytes[start] | 0x20) == 'n'
                && (bytes[start + 1] | 0x20) == 'u'
                && (bytes[start + 2] | 0x20) == 'l'
                && (bytes[start + 3] | 0x20) == 'l';
    }
}
