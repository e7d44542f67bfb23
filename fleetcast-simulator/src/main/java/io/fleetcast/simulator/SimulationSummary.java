package io.fleetcast.simulator;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.dataset.Kind;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a simulation wrote.
 *
 * @param rows data rows (header excluded) per kind, in load order
 * @param files the file of each kind, in load order
 * @param truthFile the ground-truth document, {@code truth.json}
 */
public record SimulationSummary(ImmutableMap<Kind, Long> rows, ImmutableMap<Kind, Path> files, Path truthFile) {
    public SimulationSummary {
        requireNonNull(rows, "rows is null");
        requireNonNull(files, "files is null");
        requireNonNull(truthFile, "truthFile is null");
        checkArgument(rows.keySet().equals(files.keySet()), "rows and files must cover the same kinds");
        for (Map.Entry<Kind, Long> entry : rows.entrySet()) {
            checkArgument(entry.getValue() >= 0, "rows of %s must be >= 0, got %s", entry.getKey(), entry.getValue());
        }
    }

    /** Data rows over all files. */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
