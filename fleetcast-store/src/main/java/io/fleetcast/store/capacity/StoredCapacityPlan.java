package io.fleetcast.store.capacity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored capacity plan version.
 *
 * @param version 1 for the first, then counting up
 * @param createdAt when it was written
 * @param asOf the data's last day it planned from (ISO)
 * @param description a line for people: the command and its settings
 * @param demandPlanVersion the newest forecast plan version when it was made, or {@code null}
 * @param document the plan as JSON, exactly as {@code fleetcast plan --json} printed it
 */
public record StoredCapacityPlan(
        int version,
        Instant createdAt,
        String asOf,
        String description,
        @Nullable Integer demandPlanVersion,
        String document) {}
