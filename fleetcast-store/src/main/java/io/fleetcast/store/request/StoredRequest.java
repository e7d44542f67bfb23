package io.fleetcast.store.request;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request for capacity as stored (see the requests data set in docs/data-formats.md).
 *
 * @param requestId the identifier, unique
 * @param team the requesting team
 * @param service the service it is for, or {@code null}
 * @param cluster the cluster the capacity is wanted in
 * @param resource the resource wanted
 * @param quantity how much, in the resource's canonical unit (cores, GiB or TB); {@code >= 0}
 * @param neededDate the day it is needed by
 * @param priority {@code P0} (served first) to {@code P3}
 * @param weight its share within its priority relative to the others' ({@code > 0}; 1 when the file gave none)
 * @param justification why it is needed
 * @param sourceFile the file it was loaded from, as named to ingest
 * @param sourceLine its line in that file
 */
public record StoredRequest(
        String requestId,
        String team,
        @Nullable String service,
        String cluster,
        Resource resource,
        double quantity,
        LocalDate neededDate,
        String priority,
        double weight,
        String justification,
        String sourceFile,
        long sourceLine) {
    /** The priorities a request can have, highest first. */
    public static final Set<String> PRIORITIES = Set.of("P0", "P1", "P2", "P3");

    public StoredRequest {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(team, "team is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(neededDate, "neededDate is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(justification, "justification is null");
        requireNonNull(sourceFile, "sourceFile is null");
        checkArgument(
                Double.isFinite(quantity) && quantity >= 0,
                "request %s: quantity must be >= 0, got %s",
                requestId,
                quantity);
        checkArgument(PRIORITIES.contains(priority), "request %s: priority must be P0-P3, got %s", requestId, priority);
        checkArgument(
                Double.isFinite(weight) && weight > 0, "request %s: weight must be > 0, got %s", requestId, weight);
    }

    /** Where it came from, as the file was named when loaded: {@code /data/requests.csv:12}. */
    public String source() {
        return sourceFile + ":" + sourceLine;
    }
}
