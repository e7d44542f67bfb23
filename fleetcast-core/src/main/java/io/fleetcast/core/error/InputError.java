package io.fleetcast.core.error;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in user input, at its place. {@code column} is empty when the problem is not about one column
 * (a malformed line, a duplicate key).
 */
public record InputError(SourceLocation location, String column, String problem) {
    public InputError {
        requireNonNull(location, "location is null");
        requireNonNull(column, "column is null");
        requireNonNull(problem, "problem is null");
    }

    /** Renders as {@code usage.csv:1042: column "used": expected a number, got "12,5"}. */
    public String render() {
        return column.isEmpty() ? location + ": " + problem : location + ": column \"" + column + "\": " + problem;
    }

    @Override
    public String toString() {
        return render();
    }
}
