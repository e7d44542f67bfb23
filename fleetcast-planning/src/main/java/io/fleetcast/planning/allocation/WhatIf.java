package io.fleetcast.planning.allocation;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The same requests allocated twice: with the supply as it is, and with extra supply added to some pools.
 *
 * @param extraSupply the supply added, per pool, in the pool's unit
 * @param before the allocation with the supply as it is
 * @param after the allocation with the extra supply
 * @param changes the requests whose grant changed, in the order of {@link Allocation#grants()}
 */
public record WhatIf(
        ImmutableMap<Pool, Double> extraSupply, Allocation before, Allocation after, ImmutableList<Change> changes) {
    public WhatIf {
        requireNonNull(extraSupply, "extraSupply is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(changes, "changes is null");
    }

    /**
     * One request's grant before and after the extra supply.
     *
     * @param request the request
     * @param grantedBefore granted with the supply as it is, in the pool's unit
     * @param grantedAfter granted with the extra supply
     */
    public record Change(AllocationRequest request, double grantedBefore, double grantedAfter) {
        public Change {
            requireNonNull(request, "request is null");
        }

        /** {@code grantedAfter - grantedBefore}. */
        public double delta() {
            return grantedAfter - grantedBefore;
        }

        /** One line: {@code R7 (ash-c1 cpu): granted 300 -> 500 cores (+200 cores), 0 cores unmet}. */
        public String describe() {
            String unit = request.resource().canonicalUnit();
            double delta = delta();
            return request.id() + " (" + request.pool() + "): granted " + Quantities.format(grantedBefore) + " -> "
                    + Quantities.format(grantedAfter) + " " + unit + " (" + (delta >= 0 ? "+" : "-")
                    + Quantities.format(Math.abs(delta)) + " " + unit + "), "
                    + Quantities.format(Math.max(0, request.quantity() - grantedAfter)) + " " + unit + " unmet";
        }
    }
}
