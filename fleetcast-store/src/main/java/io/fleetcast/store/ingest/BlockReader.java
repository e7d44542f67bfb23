package io.fleetcast.store.ingest;

import io.fleetcast.core.error.FleetcastException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a line-oriented file (CSV or JSON Lines, optionally gzip-compressed) as blocks of whole records, so that
 * several threads can parse blocks at once. Each block knows the line it starts on. Reading also computes the file's
 * content hash (of its bytes as stored, compressed or not) and reports progress. Thread-safe: {@link #next()} hands each
 * block to exactly one caller.
 */
public final class BlockReader implements AutoCloseable {
    /**
     * Size of the blocks handed out; a record longer than this grows its block. Small enough to stay below the
     * garbage collector's "humongous object" size, large enough that taking a block is rare.
     */
    static final int BLOCK_BYTES = 512 << 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long PROGRESS_INTERVAL_BYTES = 16L << 20;
    /** Buffers kept for reuse: a few per loading thread is plenty. */
    private static final int MAX_SPARE_BUFFERS = 8;

    private final boolean quotesSpanLines;
    private final CountingInputStream counted;
    private final InputStream input;
    private final ContentHash digest = new ContentHash();
    private final long totalBytes;
    private final IngestListener listener;

    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private byte[] carry = new byte[0];
    private int carryLength;
    private long nextLine = 1;
    private boolean exhausted;
    private long lastReported;
    private final String fileName;

    /**
     * A run of whole records: bytes {@code [start, end)} of {@code data}, the first starting at 1-based line
     * {@code firstLine}.
     */
    public static final class Block {
        private final byte[] data;
        private final int start;
        private final int end;
        private final long firstLine;

        /** A view of {@code data}, which the block's one reader owns from now on. */
        public Block(byte[] data, int start, int end, long firstLine) {
            this.data = data;
            this.start = start;
            this.end = end;
            this.firstLine = firstLine;
        }

        /**
         * The buffer, shared, not copied: the block's reader may read it and keep slices of it until it hands it back
         * with {@link BlockReader#recycle}.
         */
        public byte[] data() {
            return data;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public long firstLine() {
            return firstLine;
        }
    }

    /**
     * Opens {@code file}. {@code quotesSpanLines} is true for CSV (a quoted field may hold line ends) and false for
     * JSON Lines (strings escape them).
     */
    public BlockReader(Path file, String fileName, boolean gzip, boolean quotesSpanLines, IngestListener listener) {
        this.quotesSpanLines = quotesSpanLines;
        this.listener = listener;
        this.fileName = fileName;
        try {
            this.totalBytes = Files.size(file);
            InputStream raw = Files.newInputStream(file);
            this.counted = new CountingInputStream(raw, digest);
            this.input = gzip ? new GZIPInputStream(counted, 1 << 16) : counted;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** The next block, or empty at the end of the file. */
    public synchronized Optional<Block> next() {
        if (exhausted) {
            return Optional.empty();
        }
        byte[] data = carryLength * 2 <= BLOCK_BYTES && !spare.isEmpty()
                ? spare.pop()
                : new byte[Math.max(BLOCK_BYTES, carryLength * 2)];
        System.arraycopy(carry, 0, data, 0, carryLength);
        int length = carryLength;
        boolean eof = false;
        try {
            while (length < data.length) {
                int read = input.read(data, length, data.length - length);
                if (read < 0) {
                    eof = true;
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw FleetcastException.internal("reading " + fileName + " failed: " + e.getMessage(), e);
        }
        reportProgress(eof);
        if (eof) {
            exhausted = true;
            carryLength = 0;
            if (length == 0) {
                return Optional.empty();
            }
            return Optional.of(handOut(data, length));
        }
        int boundary = recordBoundary(data, length);
        if (boundary < 0) {
            // One record longer than the buffer: keep reading with a bigger one.
            carry = data;
            carryLength = length;
            return next();
        }
        carry = Arrays.copyOfRange(data, boundary, length);
        carryLength = length - boundary;
        return Optional.of(handOut(data, boundary));
    }

    /**
     * Takes back the buffer of a block whose reader is done with it and keeps no slice of it, to be refilled: a load
     * then reuses a handful of buffers instead of allocating (and the collector clearing) one per block.
     */
    public synchronized void recycle(byte[] data) {
        if (data.length == BLOCK_BYTES && spare.size() < MAX_SPARE_BUFFERS) {
            spare.push(data);
        }
    }

    private Block handOut(byte[] data, int length) {
        Block block = new Block(data, 0, length, nextLine);
        nextLine += countByte(data, 0, length, (byte) '\n');
        return block;
    }

    /**
     * The end of the last whole record in {@code data[0, length)} (just after a line end outside quotes), or -1 when
     * there is none.
     */
    private int recordBoundary(byte[] data, int length) {
        // The carry always starts at a record start, so the data starts outside quotes.
        if (!quotesSpanLines || !containsByte(data, 0, length, (byte) '"')) {
            for (int i = length - 1; i >= 0; i--) {
                if (data[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }
        boolean inQuotes = false;
        int boundary = -1;
        for (int i = 0; i < length; i++) {
            byte c = data[i];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n' && !inQuotes) {
                boundary = i + 1;
            }
        }
        return boundary;
    }

    /** Whether any byte of {@code data[from, to)} equals {@code value}: eight at a time. */
    static boolean containsByte(byte[] data, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(data, i) ^ pattern;
            if ((((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN) != -1L) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (data[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** How many bytes of {@code data[from, to)} equal {@code value}: eight at a time. */
    static int countByte(byte[] data, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(data, i) ^ pattern;
            // A byte of `word` is zero exactly where data matched; bit 7 of `marks` is clear exactly for those bytes.
            long marks = ((word & LOW_SEVEN) + LOW_SEVEN) | word;
            count += Long.bitCount(~marks & HIGH_BITS);
        }
        for (; i < to; i++) {
            if (data[i] == value) {
                count++;
            }
        }
        return count;
    }

    private void reportProgress(boolean done) {
        long read = counted.count();
        if (done || read - lastReported >= PROGRESS_INTERVAL_BYTES) {
            lastReported = read;
            listener.onProgress(read, totalBytes);
        }
    }

    /** The file's size as stored. */
    public long totalBytes() {
        return totalBytes;
    }

    /** The {@link ContentHash} of the file's bytes; complete once {@link #next()} returned empty. */
    public synchronized String contentHash() {
        return digest.hex();
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }

    /** Hashes and counts the stored bytes as they are read. */
    private static final class CountingInputStream extends FilterInputStream {
        private final ContentHash digest;
        private long count;

        CountingInputStream(InputStream in, ContentHash digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                digest.update(new byte[] {(byte) b}, 0, 1);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                digest.update(buffer, offset, read);
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported while hashing");
        }

        long count() {
            return count;
        }
    }
}
