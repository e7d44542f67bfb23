package io.fleetcast.planning.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/** How urgent a request is: {@link #P0} is served first, {@link #P3} last. Declaration order is serving order. */
public enum Priority {
    P0,
    P1,
    P2,
    P3;

    /** The priority named {@code text} ({@code P1}, {@code p1}), or empty. */
    public static Optional<Priority> parse(String text) {
        requireNonNull(text, "text is null");
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (Priority priority : values()) {
            if (priority.name().equals(name)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
