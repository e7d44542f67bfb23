package io.fleetcast.app.fleet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.fleet.DataSpan;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The store's state, as a health check reports it.
 *
 * @param schemaVersion the schema version of the open database
 * @param rowCounts rows stored per kind, in load order
 * @param span the days the data covers; {@code null} when no assets and no usage are loaded
 */
public record FleetStatus(
        int schemaVersion,
        Map<Kind, Long> rowCounts,
        @Nullable DataSpan span) {
    public FleetStatus {
        checkArgument(schemaVersion >= 1, "schemaVersion must be >= 1, got %s", schemaVersion);
        // ImmutableMap keeps the load order the store gives.
        rowCounts = ImmutableMap.copyOf(requireNonNull(rowCounts, "rowCounts is null"));
    }

    /** The days the data covers; empty when no assets and no usage are loaded. */
    public Optional<DataSpan> dataSpan() {
        return Optional.ofNullable(span);
    }
}
