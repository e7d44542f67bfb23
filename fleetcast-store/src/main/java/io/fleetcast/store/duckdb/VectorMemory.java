package io.fleetcast.store.duckdb;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.duckdb.DuckDBWritableVector;

/**
 * Direct access to the memory of a DuckDB output vector, for writing numbers and short strings without the driver's
 * per-value lock or a native call.
 *
 * <p>{@link DuckDBWritableVector#setLong} and {@code setDouble} take a lock and rewrite the validity mask on every
 * value, which costs as much as parsing the value. Instead, {@link #of} marks the whole vector valid once (64 rows per
 * word) and hands out its data buffer; values are then written straight into it, and NULLs are marked through the
 * public {@link DuckDBWritableVector#setNull}. This reaches two private fields of the driver ({@code data} and
 * {@code validity}, checked against duckdb_jdbc 2.0.0.1); when a driver lacks them, {@link #of} is empty and callers use
 * the public setters. A test compares both ways.
 */
final class VectorMemory {
    private static final Optional<Field> DATA = field("data");
    private static final Optional<Field> VALIDITY = field("validity");

    private VectorMemory() {}

    private static Optional<Field> field(String name) {
        try {
            Field field = DuckDBWritableVector.class.getDeclaredField(name);
            if (field.getType() != ByteBuffer.class) {
                return Optional.empty();
            }
            field.setAccessible(true);
            return Optional.of(field);
        } catch (NoSuchFieldException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A vector's value buffer and validity mask (one bit per row, 1 = valid), native byte order, absolute indexing. */
    record Memory(ByteBuffer data, ByteBuffer validity) {
        /** Marks {@code row} NULL, without the driver's lock. */
        void markNull(int row) {
            int at = (row >>> 6) << 3;
            validity.putLong(at, validity.getLong(at) & ~(1L << (row & 63)));
        }
    }

    /** Bytes of one value of a VARCHAR vector: a {@code duckdb_string_t} record. */
    static final int STRING_BYTES = 16;

    /** The longest string a {@code duckdb_string_t} holds inline, with no separate allocation. */
    static final int INLINE_STRING_BYTES = 12;

    /**
     * The memory of {@code vector}, whose first {@code rows} rows are now marked valid; empty if this driver does not expose them or the buffer does not hold {@code rows} values of
     * {@code valueBytes} bytes.
     */
    static Optional<Memory> of(DuckDBWritableVector vector, int rows, int valueBytes) {
        if (!isAvailable()) {
            return Optional.empty();
        }
        try {
            ByteBuffer data = (ByteBuffer) DATA.orElseThrow().get(vector);
            ByteBuffer validity = (ByteBuffer) VALIDITY.orElseThrow().get(vector);
            if (data == null || validity == null || data.capacity() < (long) rows * valueBytes) {
                return Optional.empty();
            }
            int words = Math.min((rows + 63) / 64, validity.capacity() / 8);
            for (int word = 0; word < words; word++) {
                validity.putLong(word * 8, -1L);
            }
            return Optional.of(new Memory(data, validity));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code values[0, rows)}, none longer than {@link #INLINE_STRING_BYTES}, as inline {@code duckdb_string_t}
     * records (C API layout: a 4-byte length, then the bytes, zero-padded to 16) into a VARCHAR vector's {@code data}.
     * The bytes must be valid UTF-8: DuckDB does not check them here.
     */
    static void putInlineStrings(ByteBuffer data, byte[][] values, int rows) {
        for (int row = 0; row < rows; row++) {
            byte[] value = values[row];
            int at = row * STRING_BYTES;
            data.putLong(at, 0L);
            data.putLong(at + 8, 0L);
            data.putInt(at, value.length);
            data.put(at + 4, value, 0, value.length);
        }
    }

    /** Copies {@code values[0, rows)} into a BIGINT (or other 8-byte integer) vector's {@code data}, in one go. */
    static void putLongs(ByteBuffer data, long[] values, int rows) {
        nativeView(data).asLongBuffer().put(0, values, 0, rows);
    }

    /** Copies {@code values[0, rows)} into a DOUBLE vector's {@code data}, in one go. */
    static void putDoubles(ByteBuffer data, double[] values, int rows) {
        nativeView(data).asDoubleBuffer().put(0, values, 0, rows);
    }

    /** All of {@code data} from its start, in native byte order (duplicates forget the order). */
    private static ByteBuffer nativeView(ByteBuffer data) {
        ByteBuffer view = data.duplicate().order(ByteOrder.nativeOrder());
        view.clear();
        return view;
    }

    /** Whether direct writes are available with this driver. */
    static boolean isAvailable() {
        return DATA.isPresent() && VALIDITY.isPresent();
    }
}
