package io.fleetcast.planning.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A team's request for capacity of one resource in one cluster.
 *
 * @param id the request's identifier, unique among the requests allocated together; breaks ties
 * @param team the requesting team
 * @param service the service it is for, or {@code null} when not given
 * @param cluster the cluster the capacity is wanted in
 * @param resource the resource wanted
 * @param quantity how much, in the resource's canonical unit (cores, GiB or TB); finite and {@code >= 0}
 * @param neededDate the day it is needed by
 * @param priority its priority; {@link Priority#P0} is served first
 * @param weight its share within its priority relative to the others' (finite, {@code > 0}; 1 by default)
 * @param justification why it is needed, for people
 */
public record AllocationRequest(
        String id,
        String team,
        @Nullable String service,
        String cluster,
        Resource resource,
        double quantity,
        LocalDate neededDate,
        Priority priority,
        double weight,
        String justification) {
    /** The weight of a request that gives none. */
    public static final double DEFAULT_WEIGHT = 1.0;

    /** @throws IllegalArgumentException for a negative, NaN or infinite quantity, or a weight not {@code > 0} */
    public AllocationRequest {
        requireNonNull(id, "id is null");
        requireNonNull(team, "team is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(neededDate, "neededDate is null");
        requireNonNull(priority, "priority is null");
        requireNonNull(justification, "justification is null");
        checkArgument(!id.isBlank(), "request id is blank");
        checkArgument(
                Double.isFinite(quantity) && quantity >= 0,
                "request %s: quantity must be a finite number >= 0, got %s",
                id,
                quantity);
        checkArgument(
                Double.isFinite(weight) && weight > 0,
                "request %s: weight must be a finite number > 0, got %s",
                id,
                weight);
    }

    /** The pool it draws from. */
    public Pool pool() {
        return new Pool(cluster, resource);
    }

    /** The service, when given. */
    public Optional<String> serviceName() {
        return Optional.ofNullable(service);
    }
}
