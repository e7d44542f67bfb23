package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.store.capacity.StoredCapacityPlan;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/capacity/versions}: every stored capacity plan, newest first; empty before the first. */
public record CapacityVersionsView(List<VersionView> versions) {
    public CapacityVersionsView {
        versions = ImmutableList.copyOf(versions);
    }

    static CapacityVersionsView of(List<StoredCapacityPlan> plans) {
        return new CapacityVersionsView(ImmutableList.copyOf(plans).reverse().stream()
                .map(VersionView::of)
                .toList());
    }

    /**
     * One stored plan.
     *
     * @param version its number, from 1
     * @param createdAt when it was stored
     * @param asOf the data's last day it planned from
     * @param description the command and settings that made it
     * @param demandPlanVersion the newest forecast plan version when it was made, or {@code null}
     */
    public record VersionView(
            int version,
            Instant createdAt,
            String asOf,
            String description,
            @Nullable Integer demandPlanVersion) {
        public VersionView {
            requireNonNull(createdAt, "createdAt is null");
            requireNonNull(asOf, "asOf is null");
            requireNonNull(description, "description is null");
        }

        static VersionView of(StoredCapacityPlan plan) {
            return new VersionView(
                    plan.version(), plan.createdAt(), plan.asOf(), plan.description(), plan.demandPlanVersion());
        }
    }
}
