package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Interns the text values of one column for one loading thread: files repeat the same service, cluster or asset names
 * millions of times, so each distinct value is copied, decoded and checked once and its verdicts are cached in its
 * {@link Entry}. Holds at most {@link #MAX_ENTRIES} values; past that, lookups return fresh uncached entries. Not
 * thread-safe.
 */
final class TextDictionary {
    static final int MAX_ENTRIES = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Entry[] table = new Entry[1024];
    private int size;
    /** The entry found last: sorted files repeat the same value on consecutive rows. */
    private @Nullable Entry last;

    /** One distinct text value and what has been learned about it. */
    static final class Entry {
        final byte[] bytes;
        final long hash;
        private @Nullable String text;
        /** Cached checks: 0 unknown, 1 passed, -1 failed; their meaning is the converter's. */
        byte patternVerdict;

        byte referenceVerdict;
        /** For choice columns: index into the choices, -1 if none matches, -2 not yet looked up. */
        int choice = -2;
        /**
         * For unit columns: the factor to the canonical unit for each choice of the resource column (NaN when this is
         * not a unit of that resource), filled on first use.
         */
        double @Nullable [] unitFactors;
        /** For JSON columns: 1 valid object, -1 invalid, 0 unknown; and the problem when invalid. */
        byte jsonVerdict;

        String jsonProblem = "";

        /** Where the value stops being valid UTF-8 (byte offset), or -1 when it is valid. */
        final int invalidUtf8At;

        final long slotHash;
        private final long first;
        private final long second;

        Entry(byte[] bytes, long hash, long slotHash) {
            this.bytes = bytes;
            this.hash = hash;
            this.slotHash = slotHash;
            this.invalidUtf8At = firstInvalidUtf8(bytes);
            this.first = word(bytes, 0, bytes.length);
            this.second = bytes.length > 8 ? word(bytes, 8, bytes.length) : 0;
        }

        /** Whether this entry's value equals the slice whose first sixteen bytes pack into the two words given. */
        boolean matches(long first, long second, int length, byte[] bytes, int start) {
            if (this.bytes.length != length) {
                return false;
            }
            if (this.first != first || this.second != second) {
                return false;
            }
            return length <= 16 || Arrays.equals(this.bytes, 16, length, bytes, start + 16, start + length);
        }

        String text() {
            String value = text;
            if (value == null) {
                value = new String(bytes, UTF_8);
                text = value;
            }
            return value;
        }
    }

    /**
     * The offset of the first byte of {@code bytes} that does not belong to well-formed UTF-8 (no overlong forms, no
     * surrogates, nothing above U+10FFFF), or -1 when all of it is.
     */
    static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** The entry for {@code bytes[start, end)}, created on first sight. */
    Entry lookup(byte[] bytes, int start, int end) {
        int length = end - start;
        long first = word(bytes, start, end);
        long second = length > 8 ? word(bytes, start + 8, end) : 0;
        Entry previous = last;
        if (previous != null && previous.matches(first, second, length, bytes, start)) {
            return previous;
        }
        long slotHash = (first * 0x9E3779B97F4A7C15L) ^ (second * 0xC2B2AE3D27D4EB4FL) ^ length;
        slotHash ^= slotHash >>> 29;
        int mask = table.length - 1;
        int slot = (int) slotHash & mask;
        while (true) {
            Entry entry = table[slot];
            if (entry == null) {
                Entry created = new Entry(Arrays.copyOfRange(bytes, start, end), hash(bytes, start, end), slotHash);
                if (size < MAX_ENTRIES) {
                    table[slot] = created;
                    size++;
                    if (size * 2 > table.length) {
                        grow();
                    }
                }
                last = created;
                return created;
            }
            if (entry.slotHash == slotHash && entry.matches(first, second, length, bytes, start)) {
                last = entry;
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Up to eight bytes of {@code bytes[start, end)} from {@code start}, little-endian, zero beyond {@code end}: one
     * memory read where the array allows it.
     */
    static long word(byte[] bytes, int start, int end) {
        int length = Math.min(8, end - start);
        if (length <= 0) {
            return 0;
        }
        if (start + 8 <= bytes.length) {
            long value = (long) LONGS.get(bytes, start);
            return length == 8 ? value : value & ((1L << (length * 8)) - 1);
        }
        long value = 0;
        for (int k = 0; k < length; k++) {
            value |= (bytes[start + k] & 0xFFL) << (8 * k);
        }
        return value;
    }

    private void grow() {
        Entry[] old = table;
        table = new Entry[old.length * 2];
        int mask = table.length - 1;
        for (Entry entry : old) {
            if (entry != null) {
                int slot = (int) entry.slotHash & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }

    /** A 64-bit hash of a byte slice: eight bytes at a time, each word multiplied in, then a murmur3 finaliser. */
    static long hash(byte[] bytes, int start, int end) {
        long h = 0xcbf29ce484222325L ^ (end - start);
        int i = start;
        for (; i + 8 <= end; i += 8) {
            h = (h ^ (long) LONGS.get(bytes, i)) * 0x100000001b3L;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        return mix((h ^ tail) * 0x100000001b3L);
    }

    /** The murmur3 64-bit finaliser: spreads every input bit over the whole result. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
