package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

/** The body of every error response: {@code {"error": "..."}}. */
public record ErrorView(String error) {
    public ErrorView {
        requireNonNull(error, "error is null");
    }
}
