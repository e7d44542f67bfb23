package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.app.fleet.FleetStatus;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.server.auth.Principal;
import io.fleetcast.store.fleet.DataSpan;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/health}: the server is up and its store answers.
 *
 * @param status always {@code ok} (a failing store answers 500 instead)
 * @param schemaVersion the store's schema version
 * @param asOf the data's last day; {@code null} before any assets or usage are loaded
 * @param firstDay the data's first day; {@code null} before any assets or usage are loaded
 * @param principal the name of the user the request was made as
 * @param rowCounts rows stored per kind, in load order
 */
public record HealthView(
        String status,
        int schemaVersion,
        @Nullable LocalDate asOf,
        @Nullable LocalDate firstDay,
        String principal,
        Map<String, Long> rowCounts) {
    public HealthView {
        requireNonNull(status, "status is null");
        requireNonNull(principal, "principal is null");
        rowCounts = ImmutableMap.copyOf(requireNonNull(rowCounts, "rowCounts is null"));
    }

    static HealthView of(FleetStatus status, Principal principal) {
        ImmutableMap.Builder<String, Long> counts = ImmutableMap.builder();
        for (Map.Entry<Kind, Long> entry : status.rowCounts().entrySet()) {
            counts.put(entry.getKey().tableName(), entry.getValue());
        }
        @Nullable DataSpan span = status.span();
        return new HealthView(
                "ok",
                status.schemaVersion(),
                span == null ? null : span.asOf(),
                span == null ? null : span.firstDay(),
                principal.name(),
                counts.buildOrThrow());
    }
}
