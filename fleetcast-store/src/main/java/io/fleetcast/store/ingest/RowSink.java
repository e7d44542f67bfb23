package io.fleetcast.store.ingest;

/**
 * Where converted rows go, column by column: one batch of rows of {@link OutputColumns} shape. Implemented over the
 * storage engine's own buffers; a row whose conversion fails is simply overwritten by the next.
 */
public interface RowSink {
    void setLong(int column, int row, long value);

    void setDouble(int column, int row, double value);

    /** UTF-8 text. The array is not copied and must not change afterwards. */
    void setText(int column, int row, byte[] utf8);

    void setNull(int column, int row);
}
