package io.fleetcast.planning.allocation;

import static io.fleetcast.planning.allocation.Quantities.format;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.planning.allocation.PriorityShare.Serving;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Allocates each pool's free supply to its requests: priority by priority, P0 first, each served in full while supply
 * lasts; the first priority that cannot be served in full shares what is left by weighted max-min fairness; lower
 * priorities get nothing.
 *
 * <p>Weighted max-min fairness is water-filling (Keshav, <i>An Engineering Approach to Computer Networking</i>, 1997,
 * pp. 215-217): there is one level λ such that each request of the shared priority gets {@code min(quantity, λ ×
 * weight)} and the grants add up to the supply left. Requests that ask less than their share are served in full; the
 * others all get the same λ per unit of weight. Nothing is left over while a request lacks.
 *
 * <p>The result does not depend on the order of the requests: they are sorted by pool, priority and id before any
 * arithmetic, so even rounding is the same. Grants add up to the supply up to floating-point rounding (a few ulps).
 * Stateless and thread-safe.
 */
public final class PriorityAllocator {
    private static final Comparator<AllocationRequest> ORDER = Comparator.comparing(AllocationRequest::pool)
            .thenComparing(AllocationRequest::priority)
            .thenComparing(AllocationRequest::id);

    /**
     * Allocates {@code supply} to {@code requests}.
     *
     * @param requests the requests, in any order; ids must be unique
     * @param supply the free supply of each pool, in the pool's unit (finite, {@code >= 0}); must hold every pool a
     *     request draws from and may hold others, which are ignored
     * @return a grant per request and a summary per pool that has requests
     * @throws IllegalArgumentException for duplicate request ids, a pool of a request without supply, or a supply that
     *     is negative, NaN or infinite
     */
    public Allocation allocate(Collection<AllocationRequest> requests, Map<Pool, Double> supply) {
        requireNonNull(requests, "requests is null");
        requireNonNull(supply, "supply is null");
        supply.forEach(PriorityAllocator::checkSupply);
        List<AllocationRequest> sorted = new ArrayList<>(requests);
        sorted.sort(ORDER);
        checkUniqueIds(sorted);
        Map<Pool, List<AllocationRequest>> byPool = new TreeMap<>();
        for (AllocationRequest request : sorted) {
            byPool.computeIfAbsent(request.pool(), pool -> new ArrayList<>()).add(request);
        }
        ImmutableList.Builder<Grant> grants = ImmutableList.builder();
        ImmutableList.Builder<PoolAllocation> pools = ImmutableList.builder();
        for (Map.Entry<Pool, List<AllocationRequest>> entry : byPool.entrySet()) {
            Pool pool = entry.getKey();
            Double free = supply.get(pool);
            if (free == null) {
                throw new IllegalArgumentException("no supply given for " + pool + ", which requests "
                        + entry.getValue().stream().map(AllocationRequest::id).toList() + " draw from");
            }
            pools.add(allocatePool(pool, free, entry.getValue(), grants));
        }
        return new Allocation(grants.build(), pools.build());
    }

    /**
     * Allocates twice: with {@code supply}, and with {@code extraSupply} added to it, and reports what changes.
     *
     * @param extraSupply supply to add per pool (finite, {@code >= 0}); a pool missing from {@code supply} starts at 0
     * @throws IllegalArgumentException as {@link #allocate}, or for a negative, NaN or infinite extra supply
     */
    public WhatIf whatIf(
            Collection<AllocationRequest> requests, Map<Pool, Double> supply, Map<Pool, Double> extraSupply) {
        requireNonNull(extraSupply, "extraSupply is null");
        extraSupply.forEach(PriorityAllocator::checkSupply);
        Allocation before = allocate(requests, supply);
        Map<Pool, Double> more = new HashMap<>(supply);
        extraSupply.forEach((pool, extra) -> more.merge(pool, extra, Double::sum));
        Allocation after = allocate(requests, more);
        ImmutableList.Builder<WhatIf.Change> changes = ImmutableList.builder();
        for (int i = 0; i < before.grants().size(); i++) {
            Grant was = before.grants().get(i);
            Grant is = after.grants().get(i);
            if (Double.compare(was.granted(), is.granted()) != 0) {
                changes.add(new WhatIf.Change(was.request(), was.granted(), is.granted()));
            }
        }
        return new WhatIf(ImmutableMap.copyOf(new TreeMap<>(extraSupply)), before, after, changes.build());
    }

    private static void checkSupply(Pool pool, Double quantity) {
        requireNonNull(pool, "pool is null");
        requireNonNull(quantity, "supply is null");
        if (!Double.isFinite(quantity) || quantity < 0) {
            throw new IllegalArgumentException(
                    "supply of " + pool + " must be a finite number >= 0, got " + quantity + " " + pool.unit());
        }
    }

    private static void checkUniqueIds(List<AllocationRequest> requests) {
        Set<String> ids = new HashSet<>();
        for (AllocationRequest request : requests) {
            if (!ids.add(request.id())) {
                throw new IllegalArgumentException("request id " + request.id() + " appears more than once");
            }
        }
    }

    /** Serves one pool's requests (sorted by priority, then id); adds their grants and returns the pool's summary. */
    private static PoolAllocation allocatePool(
            Pool pool, double supply, List<AllocationRequest> requests, ImmutableList.Builder<Grant> grants) {
        Map<Priority, List<AllocationRequest>> byPriority = new TreeMap<>();
        for (AllocationRequest request : requests) {
            byPriority
                    .computeIfAbsent(request.priority(), p -> new ArrayList<>())
                    .add(request);
        }
        ImmutableList.Builder<PriorityShare> shares = ImmutableList.builder();
        double left = supply;
        double requestedInPool = 0;
        double grantedInPool = 0;
        @Nullable PriorityShare shared = null;
        for (Map.Entry<Priority, List<AllocationRequest>> entry : byPriority.entrySet()) {
            List<AllocationRequest> group = entry.getValue();
            double requested = sum(group, quantities(group));
            double[] granted;
            Serving serving;
            OptionalDouble level = OptionalDouble.empty();
            if (shared != null) {
                granted = new double[group.size()];
                serving = Serving.NONE;
            } else if (requested <= left) {
                granted = quantities(group);
                serving = Serving.IN_FULL;
            } else {
                double[] lambda = new double[1];
                granted = waterFill(group, left, lambda);
                serving = Serving.SHARED;
                level = OptionalDouble.of(lambda[0]);
            }
            double total = sum(group, granted);
            PriorityShare share = new PriorityShare(
                    entry.getKey(),
                    group.size(),
                    requested,
                    shared == null ? left : 0,
                    total,
                    Math.max(0, requested - total),
                    serving,
                    level);
            Explainer explainer = new Explainer(pool, supply, share, shared, allOnes(group));
            for (int i = 0; i < group.size(); i++) {
                grants.add(explainer.grant(group.get(i), granted[i]));
            }
            shares.add(share);
            if (serving == Serving.SHARED) {
                shared = share;
            }
            left = Math.max(0, left - total);
            requestedInPool += requested;
            grantedInPool += total;
        }
        return new PoolAllocation(
                pool,
                supply,
                requestedInPool,
                grantedInPool,
                Math.max(0, requestedInPool - grantedInPool),
                shares.build());
    }

    /**
     * Water-filling: grants {@code min(q, λ w)} with λ such that the grants add up to {@code capacity}, which must be
     * less than the quantities' sum. Requests are filled in order of quantity per unit of weight (ties by id).
     */
    private static double[] waterFill(List<AllocationRequest> group, double capacity, double[] lambda) {
        int n = group.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> ratio(group.get(i)))
                .thenComparing(i -> group.get(i).id()));
        double[] weightFrom = new double[n + 1];
        for (int k = n - 1; k >= 0; k--) {
            weightFrom[k] = weightFrom[k + 1] + group.get(order.get(k)).weight();
        }
        double[] granted = new double[n];
        double left = capacity;
        double level = 0;
        int k = 0;
        for (; k < n; k++) {
            AllocationRequest request = group.get(order.get(k));
            level = left / weightFrom[k];
            if (ratio(request) > level) {
                break;
            }
            granted[order.get(k)] = request.quantity();
            left = Math.max(0, left - request.quantity());
        }
        for (int rest = k; rest < n; rest++) {
            AllocationRequest request = group.get(order.get(rest));
            granted[order.get(rest)] = Math.min(request.quantity(), level * request.weight());
        }
        lambda[0] = level;
        return granted;
    }

    private static double ratio(AllocationRequest request) {
        return request.quantity() / request.weight();
    }

    private static double[] quantities(List<AllocationRequest> group) {
        return group.stream().mapToDouble(AllocationRequest::quantity).toArray();
    }

    private static double sum(List<AllocationRequest> group, double[] values) {
        double total = 0;
        for (int i = 0; i < group.size(); i++) {
            total += values[i];
        }
        return total;
    }

    private static boolean allOnes(List<AllocationRequest> group) {
        return group.stream().allMatch(request -> request.weight() == AllocationRequest.DEFAULT_WEIGHT);
    }

    /** Writes each grant's one-line explanation. */
    private record Explainer(
            Pool pool,
            double supply,
            PriorityShare share,
            @Nullable PriorityShare shared,
            boolean equalWeights) {

        Grant grant(AllocationRequest request, double granted) {
            String unit = pool.unit();
            double quantity = request.quantity();
            double unmet = Math.max(0, quantity - granted);
            Grant.Outcome outcome =
                    unmet <= 0 ? Grant.Outcome.FULL : granted > 0 ? Grant.Outcome.PARTIAL : Grant.Outcome.NONE;
            String head = switch (outcome) {
                case FULL ->
                    quantity == 0
                            ? "Asked for nothing (0 " + unit + ")."
                            : "Granted all " + format(quantity, unit) + ".";
                case PARTIAL, NONE ->
                    "Granted " + format(granted) + " of " + format(quantity, unit) + ", " + format(unmet, unit)
                            + " unmet.";
            };
            return new Grant(request, granted, unmet, outcome, head + " " + why(request, granted));
        }

        private String why(AllocationRequest request, double granted) {
            String unit = pool.unit();
            String priority = share.priority().name();
            String where = pool + " has " + format(supply, unit) + " free";
            double higher = Math.max(0, supply - share.available());
            return switch (share.serving()) {
                case IN_FULL ->
                    where + (higher > 0 ? "; higher priorities took " + format(higher, unit) : "") + "; "
                            + priority + " asked " + format(share.requested(), unit)
                            + " in all and was served in full, "
                            + "leaving " + format(Math.max(0, share.available() - share.granted()), unit) + ".";
                case SHARED -> {
                    double lambda = share.fairLevel().orElseThrow();
                    if (share.available() <= 0) {
                        yield where + " and higher priorities took all of it; nothing was left for " + priority + ".";
                    }
                    String levelText = equalWeights
                            ? "an equal share of " + format(lambda, unit) + " per request"
                            : "a fair level of " + format(lambda, unit) + " per unit of weight";
                    String start = where + (higher > 0 ? "; higher priorities took " + format(higher, unit) : "")
                            + "; " + priority + " asked " + format(share.requested(), unit) + " for the "
                            + format(share.available(), unit) + " left, shared max-min fairly at " + levelText + "; ";
                    double fairShare = lambda * request.weight();
                    String weight = equalWeights ? "" : " (weight " + format(request.weight()) + ")";
                    if (granted >= request.quantity()) {
                        yield start + "its ask" + weight + " is within its share of " + format(fairShare, unit) + ".";
                    }
                    yield start + "its share" + weight + " is " + format(fairShare, unit) + ".";
                }
                case NONE -> {
                    PriorityShare above = requireNonNull(shared, "a priority got nothing without one shared above it");
                    yield where + "; " + above.priority() + " above it was not served in full (asked "
                            + format(above.requested(), unit) + " for " + format(above.available(), unit)
                            + " left), so " + priority + " gets nothing.";
                }
            };
        }
    }
}
