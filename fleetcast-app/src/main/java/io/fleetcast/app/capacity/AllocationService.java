package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.allocation.Allocation;
import io.fleetcast.planning.allocation.AllocationRequest;
import io.fleetcast.planning.allocation.Grant;
import io.fleetcast.planning.allocation.Pool;
import io.fleetcast.planning.allocation.PoolAllocation;
import io.fleetcast.planning.allocation.Priority;
import io.fleetcast.planning.allocation.PriorityAllocator;
import io.fleetcast.planning.allocation.PriorityShare;
import io.fleetcast.planning.allocation.WhatIf;
import io.fleetcast.planning.capacity.BurstOption;
import io.fleetcast.store.RequestStore;
import io.fleetcast.store.request.StoredRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Allocation of scarce supply to the stored requests ({@code requests} data set): per cluster and resource, P0 first,
 * the first priority that cannot be served in full shared by weighted max-min fairness, lower ones nothing
 * ({@link PriorityAllocator}; docs/capacity-allocation.md). The free supply comes from the caller, normally the capacity
 * plan. The result's records render as the {@code "allocations"} of {@code fleetcast plan --json} with the snake_case
 * mapping the CLI and server use.
 */
public final class AllocationService {
    private final RequestStore store;
    private final PriorityAllocator allocator = new PriorityAllocator();

    public AllocationService(RequestStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * One request and what it was granted. Quantities are in {@code unit}, the resource's canonical unit.
     *
     * @param requestId the request's identifier
     * @param service the service it is for; {@code null} when the request names none
     * @param neededDate the day it is needed by, ISO {@code YYYY-MM-DD}
     * @param weight its weight within its priority
     * @param outcome {@code full}, {@code partial} or {@code none}
     * @param explanation one line: how its priority was served and why it got what it got
     * @param source the file and line it was loaded from
     */
    public record RequestAllocation(
            String requestId,
            String team,
            @Nullable String service,
            String cluster,
            String resource,
            String unit,
            String priority,
            String neededDate,
            double quantity,
            double weight,
            double granted,
            double unmet,
            String outcome,
            String explanation,
            String source) {}

    /**
     * One priority's requests in a pool.
     *
     * @param available the supply left when its turn came
     * @param serving {@code in_full}, {@code shared} or {@code none}
     * @param fairLevel for a shared priority, the level λ: each request that lacks gets λ × its weight; else
     *     {@code null}
     */
    public record PriorityTotals(
            String priority,
            int requests,
            double requested,
            double available,
            double granted,
            double unmet,
            String serving,
            @Nullable Double fairLevel) {}

    /**
     * One cluster and resource. Quantities are in {@code unit}.
     *
     * @param supply the free supply the requests shared
     * @param left the supply nobody was granted
     * @param shortPriority the priority that was shared because supply ran short; {@code null} when all were served
     * @param note why the supply is what it is, when it needs saying; {@code null} otherwise
     */
    public record PoolSummary(
            String cluster,
            String resource,
            String unit,
            double supply,
            double requested,
            double granted,
            double unmet,
            double left,
            @Nullable String shortPriority,
            ImmutableList<PriorityTotals> priorities,
            @Nullable String note) {}

    /**
     * The allocation.
     *
     * @param allocations one per stored request, by cluster, resource, priority and request id
     * @param pools one per cluster and resource with requests, by cluster, then resource
     */
    public record Result(ImmutableList<RequestAllocation> allocations, ImmutableList<PoolSummary> pools) {}

    /**
     * What extra supply would change.
     *
     * @param requestId the request whose grant changes
     * @param grantedBefore granted with the supply as it is, in {@code unit}
     * @param grantedAfter granted with the extra supply
     * @param description one line for people
     */
    public record Change(
            String requestId,
            String cluster,
            String resource,
            String unit,
            double grantedBefore,
            double grantedAfter,
            double delta,
            double unmetAfter,
            String description) {}

    /**
     * A what-if: the same requests with extra supply.
     *
     * @param changes the requests whose grant changes, in the order of {@link Result#allocations()}
     */
    public record WhatIfResult(Result before, Result after, ImmutableList<Change> changes) {}

    /**
     * What the cloud adds to the free supply.
     *
     * @param onDemand the pools of clusters that scale on demand (cloud): every request in them is granted in full
     * @param burst per cluster of owned servers and cloud instances, the instance type it runs on demand; a request
     *     such a pool cannot meet is weighed on it in the pool's note
     */
    public record Cloud(Set<Pool> onDemand, Map<String, BurstOption> burst) {
        /** No cloud clusters. */
        public static final Cloud NONE = new Cloud(Set.of(), Map.of());

        public Cloud {
            onDemand = Set.copyOf(onDemand);
            burst = Map.copyOf(burst);
        }
    }

    /** The pools (cluster and resource) the stored requests draw from, sorted: the free supply to give. */
    public ImmutableSet<Pool> requestedPools() {
        return ImmutableSet.copyOf(new TreeSet<>(
                load().requests().stream().map(AllocationRequest::pool).toList()));
    }

    /**
     * Allocates {@code freeSupply} to the stored requests.
     *
     * @param freeSupply the free capacity of each pool available to requests, in the resource's canonical unit
     *     (finite, {@code >= 0}); a pool a request draws from but missing here counts as having none, and its summary
     *     says so
     * @throws FleetcastException {@code BAD_INPUT} for a negative, NaN or infinite supply
     */
    public Result allocate(Map<Pool, Double> freeSupply) {
        return allocate(freeSupply, Cloud.NONE);
    }

    /**
     * Allocates {@code freeSupply} to the stored requests, where the pools {@code cloud} names on demand scale to what
     * is asked: every request in them is granted in full, and their summaries say why. The summary of a pool whose
     * cluster {@code cloud} gives an instance type to burst to says what its unmet requests would take on demand.
     *
     * @throws FleetcastException {@code BAD_INPUT} for a negative, NaN or infinite supply
     */
    public Result allocate(Map<Pool, Double> freeSupply, Cloud cloud) {
        Requests loaded = load();
        Map<Pool, Double> supply = completed(loaded.requests(), freeSupply, cloud.onDemand());
        try {
            return result(allocator.allocate(loaded.requests(), supply), freeSupply, cloud, loaded.sources());
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Allocates twice, with {@code freeSupply} and with {@code extraSupply} added, and lists the requests that gain.
     *
     * @param extraSupply supply to add per pool, in the resource's canonical unit (finite, {@code >= 0})
     * @throws FleetcastException {@code BAD_INPUT} for a negative, NaN or infinite supply
     */
    public WhatIfResult whatIf(Map<Pool, Double> freeSupply, Map<Pool, Double> extraSupply) {
        return whatIf(freeSupply, extraSupply, Cloud.NONE);
    }

    /** {@link #whatIf(Map, Map)} with the cloud as {@link #allocate(Map, Cloud)} takes it, before and after. */
    public WhatIfResult whatIf(Map<Pool, Double> freeSupply, Map<Pool, Double> extraSupply, Cloud cloud) {
        requireNonNull(extraSupply, "extraSupply is null");
        Requests loaded = load();
        Map<Pool, Double> supply = completed(loaded.requests(), freeSupply, cloud.onDemand());
        WhatIf whatIf;
        try {
            whatIf = allocator.whatIf(loaded.requests(), supply, extraSupply);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
        Map<Pool, Double> known = new HashMap<>(freeSupply);
        extraSupply.keySet().forEach(pool -> known.putIfAbsent(pool, 0.0));
        ImmutableList.Builder<Change> changes = ImmutableList.builder();
        for (WhatIf.Change change : whatIf.changes()) {
            AllocationRequest request = change.request();
            changes.add(new Change(
                    request.id(),
                    request.cluster(),
                    request.resource().code(),
                    request.resource().canonicalUnit(),
                    change.grantedBefore(),
                    change.grantedAfter(),
                    change.delta(),
                    Math.max(0, request.quantity() - change.grantedAfter()),
                    change.describe()));
        }
        return new WhatIfResult(
                result(whatIf.before(), freeSupply, cloud, loaded.sources()),
                result(whatIf.after(), known, cloud, loaded.sources()),
                changes.build());
    }

    /** The stored requests as the allocator takes them, and the file and line of each by request id. */
    private record Requests(List<AllocationRequest> requests, Map<String, String> sources) {}

    private Requests load() {
        List<StoredRequest> stored = store.requests();
        Map<String, String> sources = new HashMap<>();
        stored.forEach(request -> sources.put(request.requestId(), request.source()));
        return new Requests(stored.stream().map(AllocationService::request).toList(), sources);
    }

    private static AllocationRequest request(StoredRequest stored) {
        Priority priority = Priority.parse(stored.priority())
                .orElseThrow(() -> FleetcastException.badInput(
                        stored.source() + ": column \"priority\": expected P0 to P3, got " + stored.priority()));
        return new AllocationRequest(
                stored.requestId(),
                stored.team(),
                stored.service(),
                stored.cluster(),
                stored.resource(),
                stored.quantity(),
                stored.neededDate(),
                priority,
                stored.weight(),
                stored.justification());
    }

    /**
     * The supply with every requested pool present: an on-demand pool has what its requests ask, and a pool the caller
     * did not give has none.
     */
    private static Map<Pool, Double> completed(
            List<AllocationRequest> requests, Map<Pool, Double> freeSupply, Set<Pool> onDemand) {
        requireNonNull(freeSupply, "freeSupply is null");
        requireNonNull(onDemand, "onDemand is null");
        Map<Pool, Double> supply = new HashMap<>(freeSupply);
        onDemand.forEach(supply::remove);
        for (AllocationRequest request : requests) {
            if (onDemand.contains(request.pool())) {
                supply.merge(request.pool(), request.quantity(), Double::sum);
            }
        }
        requests.forEach(request -> supply.putIfAbsent(request.pool(), 0.0));
        return supply;
    }

    private static Result result(
            Allocation allocation, Map<Pool, Double> given, Cloud cloud, Map<String, String> sources) {
        ImmutableList.Builder<RequestAllocation> allocations = ImmutableList.builder();
        for (Grant grant : allocation.grants()) {
            AllocationRequest request = grant.request();
            allocations.add(new RequestAllocation(
                    request.id(),
                    request.team(),
                    request.service(),
                    request.cluster(),
                    request.resource().code(),
                    request.resource().canonicalUnit(),
                    request.priority().name(),
                    request.neededDate().toString(),
                    request.quantity(),
                    request.weight(),
                    grant.granted(),
                    grant.unmet(),
                    grant.outcome().name().toLowerCase(Locale.ROOT),
                    grant.explanation(),
                    sources.getOrDefault(request.id(), "")));
        }
        ImmutableList.Builder<PoolSummary> pools = ImmutableList.builder();
        for (PoolAllocation pool : allocation.pools()) {
            ImmutableList.Builder<PriorityTotals> priorities = ImmutableList.builder();
            for (PriorityShare share : pool.priorities()) {
                priorities.add(new PriorityTotals(
                        share.priority().name(),
                        share.requests(),
                        share.requested(),
                        share.available(),
                        share.granted(),
                        share.unmet(),
                        share.serving().name().toLowerCase(Locale.ROOT),
                        share.fairLevel().isPresent() ? share.fairLevel().orElseThrow() : null));
            }
            Pool key = pool.pool();
            pools.add(new PoolSummary(
                    key.cluster(),
                    key.resource().code(),
                    key.unit(),
                    pool.supply(),
                    pool.requested(),
                    pool.granted(),
                    pool.unmet(),
                    pool.left(),
                    pool.shortPriority().map(share -> share.priority().name()).orElse(null),
                    priorities.build(),
                    note(key, pool.unmet(), given, cloud)));
        }
        return new Result(allocations.build(), pools.build());
    }

    private static @Nullable String note(Pool pool, double unmet, Map<Pool, Double> given, Cloud cloud) {
        if (cloud.onDemand().contains(pool)) {
            return pool + " scales on demand (cloud): every request is granted in full";
        }
        if (!given.containsKey(pool)) {
            return "no free supply known for " + pool + "; counted as none";
        }
        BurstOption burst = cloud.burst().get(pool.cluster());
        if (burst == null) {
            return null;
        }
        String free = pool + " has owned servers and cloud instances: its free supply counts the owned servers and the"
                + " reserved instances, not those on demand";
        return unmet > 0 ? free + "; " + burst.describeUnmet(pool.resource(), unmet) : free;
    }
}
