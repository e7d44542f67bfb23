package io.fleetcast.store.duckdb;

import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.Schema;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's own CSV reader loading a data set's file into a table with the same column types, with no validation, no
 * lineage and no transaction around it: the practical upper bound the ingest benchmark compares Fleetcast's loader
 * with, measured on the same file in the same run.
 */
public final class ReadCsvBaseline {
    private ReadCsvBaseline() {}

    /**
     * Creates {@code config}'s database and loads {@code csv} into a new table shaped like {@code schema}'s with
     * {@code read_csv}. Returns the nanoseconds the load took (opening the database excluded).
     */
    public static long load(StoreConfig config, Schema schema, Path csv) {
        try (DuckDbStore store = DuckDbStore.open(config);
                Connection connection = store.newConnection();
                Statement statement = connection.createStatement()) {
            StringBuilder columns = new StringBuilder();
            for (Column column : schema.columns()) {
                columns.append(columns.length() == 0 ? "" : ", ")
                        .append('\'')
                        .append(column.name())
                        .append("': '")
                        .append(sqlType(column))
                        .append('\'');
            }
            long start = System.nanoTime();
            statement.execute("CREATE TABLE baseline AS SELECT * FROM read_csv("
                    + DuckDbLoader.literal(csv.toAbsolutePath().toString()) + ", header = true, columns = {" + columns
                    + "})");
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw FleetcastException.internal("read_csv baseline failed: " + DuckDbStore.firstLine(e.getMessage()), e);
        }
    }

    private static String sqlType(Column column) {
        return switch (column.type()) {
            case TEXT, CHOICE -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case DECIMAL -> "DECIMAL(38, 18)";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case JSON -> "JSON";
        };
    }
}
