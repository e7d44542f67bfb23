package io.fleetcast.store.duckdb;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.duckdb.DuckDBWritableVector;

/**
 * Direct access to the memory of a DuckDB output vector, for writing numbers without the driver's per-value lock.
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

    /**
     * The data buffer (native byte order, absolute indexing) of {@code vector}, whose first {@code rows} rows are now
     * marked valid; empty if this driver does not expose them.
     */
    static Optional<ByteBuffer> of(DuckDBWritableVector vector, int rows) {
        if (!isAvailable()) {
            return Optional.empty();
        }
        try {
            ByteBuffer data = (ByteBuffer) DATA.orElseThrow().get(vector);
            ByteBuffer validity = (ByteBuffer) VALIDITY.orElseThrow().get(vector);
            if (data == null || validity == null) {
                return Optional.empty();
            }
            int words = Math.min((rows + 63) / 64, validity.capacity() / 8);
            for (int word = 0; word < words; word++) {
                validity.putLong(word * 8, -1L);
            }
            return Optional.of(data);
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** Whether direct writes are available with this driver. */
    static boolean isAvailable() {
        return DATA.isPresent() && VALIDITY.isPresent();
    }
}
