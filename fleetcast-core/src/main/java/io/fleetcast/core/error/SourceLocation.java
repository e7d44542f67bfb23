package io.fleetcast.core.error;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A place in a user's input: a file name and a 1-based line number ({@code 0} when the problem concerns the whole
 * file). For Parquet input the "line" is the 1-based row number.
 */
public record SourceLocation(String file, long line) {
    public SourceLocation {
        requireNonNull(file, "file is null");
        checkArgument(line >= 0, "line must be >= 0, got %s", line);
    }

    /** The whole file, not one line of it. */
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0);
    }

    /** {@code usage.csv:1042}, or just {@code usage.csv} for the whole file. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
