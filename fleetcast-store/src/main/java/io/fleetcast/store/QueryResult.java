package io.fleetcast.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of a read-only SQL query: column names and types, and the rows as plain Java values ({@code String},
 * {@code Long}, {@code Double}, {@code java.math.BigDecimal}, {@code Boolean}, {@code java.time.LocalDate},
 * {@code java.time.Instant}, or {@code null}; other types as their text).
 *
 * @param truncated whether more rows existed than were returned
 */
public record QueryResult(
        List<String> columns, List<String> types, List<List<@Nullable Object>> rows, boolean truncated) {
    public QueryResult {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        checkArgument(columns.size() == types.size(), "%s columns but %s types", columns.size(), types.size());
        List<List<@Nullable Object>> copy = new ArrayList<>(rows.size());
        for (List<@Nullable Object> row : requireNonNull(rows, "rows is null")) {
            checkArgument(row.size() == columns.size(), "row has %s values, expected %s", row.size(), columns.size());
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
