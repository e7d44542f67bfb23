package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code GET /api/ingests}: the ingest log, newest first. */
public record IngestsView(List<IngestView> ingests) {
    public IngestsView {
        ingests = List.copyOf(requireNonNull(ingests, "ingests is null"));
    }
}
