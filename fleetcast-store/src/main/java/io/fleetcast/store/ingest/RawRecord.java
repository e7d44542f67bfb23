package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * One record of a file as text fields, before typing: field {@code i} is the slice
 * {@code [start(i), end(i))} of {@code array(i)} in UTF-8, for the file's i-th column. Reused from record to record
 * by one loading thread; not thread-safe.
 */
public final class RawRecord {
    private byte[][] arrays;
    private int[] starts;
    private int[] ends;
    private boolean[] present;
    private int fieldCount;
    private long line;
    private byte[] rawBlock = new byte[0];
    private int rawStart;
    private int rawEnd;
    private String problem = "";
    private byte[] scratch = new byte[256];
    private int scratchLength;

    RawRecord(int width) {
        arrays = new byte[width][];
        starts = new int[width];
        ends = new int[width];
        present = new boolean[width];
    }

    /** Clears the fields for the record that starts at {@code line} at {@code rawStart} of {@code block}. */
    void reset(long line, byte[] block, int rawStart) {
        Arrays.fill(present, false);
        this.fieldCount = 0;
        this.line = line;
        if (rawBlock != block) {
            this.rawBlock = block;
        }
        this.rawStart = rawStart;
        this.rawEnd = rawStart;
        this.problem = "";
        this.scratchLength = 0;
    }

    void ensureWidth(int width) {
        if (width > arrays.length) {
            int size = Math.max(width, arrays.length * 2);
            arrays = Arrays.copyOf(arrays, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            present = Arrays.copyOf(present, size);
        }
    }

    /** Sets field {@code index} to a slice of {@code array}; an empty slice (after trimming) counts as absent. */
    void set(int index, byte[] array, int start, int end) {
        ensureWidth(index + 1);
        int s = start;
        int e = end;
        while (s < e && (array[s] == ' ' || array[s] == '\t')) {
            s++;
        }
        while (e > s && (array[e - 1] == ' ' || array[e - 1] == '\t')) {
            e--;
        }
        if (arrays[index] != array) {
            // Every field of a CSV record points into the same block: skip the costly reference store.
            arrays[index] = array;
        }
        starts[index] = s;
        ends[index] = e;
        present[index] = e > s && !isNullLiteral(array, s, e);
        fieldCount = Math.max(fieldCount, index + 1);
    }

    /** Sets field {@code index} to a copy of {@code bytes} held in this record's scratch space. */
    void setCopy(int index, byte[] bytes, int start, int end) {
        int length = end - start;
        if (scratchLength + length > scratch.length) {
            // Earlier fields may point into the old scratch array; they keep it alive, so a new array is safe.
            scratch = new byte[Math.max(scratch.length * 2, scratchLength + length)];
            scratchLength = 0;
        }
        System.arraycopy(bytes, start, scratch, scratchLength, length);
        set(index, scratch, scratchLength, scratchLength + length);
        scratchLength += length;
    }

    /**
     * Reserves {@code capacity} bytes of scratch space for a value the tokenizer builds (an unescaped quoted field)
     * and returns where it starts in {@link #scratch()}; {@link #commitScratch} then makes it a field.
     */
    int beginScratch(int capacity) {
        if (scratchLength + capacity > scratch.length) {
            scratch = new byte[Math.max(scratch.length * 2, capacity * 2)];
            scratchLength = 0;
        }
        return scratchLength;
    }

    byte[] scratch() {
        return scratch;
    }

    void commitScratch(int index, int start, int end) {
        set(index, scratch, start, end);
        scratchLength = end;
    }

    /** For Parquet input: the record's location is its row number, read from the data. */
    void setLine(long line) {
        this.line = line;
    }

    void setFieldCount(int count) {
        fieldCount = count;
    }

    void setRawEnd(int rawEnd) {
        this.rawEnd = rawEnd;
    }

    void setProblem(String problem) {
        this.problem = problem;
    }

    private static boolean isNullLiteral(byte[] array, int s, int e) {
        return e - s == 4
                && (array[s] == 'N' || array[s] == 'n')
                && (array[s + 1] == 'U' || array[s + 1] == 'u')
                && (array[s + 2] == 'L' || array[s + 2] == 'l')
                && (array[s + 3] == 'L' || array[s + 3] == 'l');
    }

    /** Number of fields the record had (CSV) or the highest column index seen + 1 (JSON Lines). */
    public int fieldCount() {
        return fieldCount;
    }

    /** Whether field {@code index} holds a value: not empty, not {@code NULL}/{@code null}. */
    public boolean isPresent(int index) {
        return index < present.length && present[index];
    }

    public byte[] array(int index) {
        return arrays[index];
    }

    public int start(int index) {
        return starts[index];
    }

    public int end(int index) {
        return ends[index];
    }

    /** Field {@code index} as text (empty when absent). */
    public String text(int index) {
        return isPresent(index) ? new String(arrays[index], starts[index], ends[index] - starts[index], UTF_8) : "";
    }

    /** The 1-based line the record starts on (for Parquet input, the row number). */
    public long line() {
        return line;
    }

    /** A problem found while splitting the record into fields (unterminated quote, bad JSON), or empty. */
    public String problem() {
        return problem;
    }

    /** The record's original text, without its line end. */
    public String rawText() {
        int end = rawEnd;
        while (end > rawStart && (rawBlock[end - 1] == '\n' || rawBlock[end - 1] == '\r')) {
            end--;
        }
        return new String(rawBlock, rawStart, end - rawStart, UTF_8);
    }
}
