package io.fleetcast.core.dataset;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file format of one {@link Kind}: its columns in their canonical order, its natural key and what that key
 * identifies, and the cross-column rules. Columns a file has beyond these are kept, not dropped (see the store).
 */
public record Schema(
        Kind kind,
        String description,
        List<Column> columns,
        List<String> naturalKey,
        KeyScope keyScope,
        List<Rule> rules) {

    public Schema {
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        columns = ImmutableList.copyOf(columns);
        naturalKey = ImmutableList.copyOf(naturalKey);
        requireNonNull(keyScope, "keyScope is null");
        rules = ImmutableList.copyOf(rules);
        checkArgument(!columns.isEmpty(), "%s has no columns", kind);
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            checkArgument(
                    names.add(column.name().toLowerCase(Locale.ROOT)), "%s: duplicate column %s", kind, column.name());
        }
        checkArgument(!naturalKey.isEmpty(), "%s has no natural key", kind);
        for (String key : naturalKey) {
            checkArgument(names.contains(key.toLowerCase(Locale.ROOT)), "%s: key column %s is not a column", kind, key);
        }
        for (Rule rule : rules) {
            for (String column : rule.columns()) {
                checkArgument(
                        names.contains(column.toLowerCase(Locale.ROOT)),
                        "%s: rule %s names unknown column %s",
                        kind,
                        rule,
                        column);
            }
        }
    }

    /** The column named {@code name}, matched case-insensitively. */
    public Optional<Column> column(String name) {
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The position of the column named {@code name} (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Column names in canonical order: the header a file of this kind is written with. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
