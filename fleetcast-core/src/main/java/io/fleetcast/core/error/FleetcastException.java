package io.fleetcast.core.error;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** Base of every exception Fleetcast throws. Unchecked; callers branch on {@link #kind()}, never on the message. */
public class FleetcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public FleetcastException(ErrorKind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public FleetcastException(ErrorKind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** A {@link ErrorKind#BAD_INPUT} error with the given message. */
    public static FleetcastException badInput(String message) {
        return new FleetcastException(ErrorKind.BAD_INPUT, message);
    }

    /** An {@link ErrorKind#INTERNAL} error wrapping its cause. */
    public static FleetcastException internal(String message, @Nullable Throwable cause) {
        return new FleetcastException(ErrorKind.INTERNAL, message, cause);
    }

    public ErrorKind kind() {
        return kind;
    }
}
