package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import io.fleetcast.store.plan.StoredAdjustment;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stored manual adjustment of the demand forecast.
 *
 * @param id its identifier
 * @param service the adjusted service
 * @param cluster the adjusted cluster; {@code null} for all of the service's clusters
 * @param resource {@code cpu}, {@code memory} or {@code storage}
 * @param kind {@code add}, {@code multiply}, {@code override} or {@code step}
 * @param value the quantity added or set, in the resource's canonical unit, or the factor of a multiply
 * @param unit the canonical unit of {@code value}; {@code null} for a factor
 * @param start the first day it applies
 * @param end the last day it applies (inclusive); {@code null} for a step, which lasts
 * @param author who made it
 * @param reason why
 * @param createdAt when it was made (or last changed); later adjustments apply after earlier ones
 * @param description one line for people
 * @param applied whether the plan shown applied it; {@code null} where no plan is in view (the list of all)
 */
public record AdjustmentView(
        String id,
        String service,
        @Nullable String cluster,
        String resource,
        String kind,
        double value,
        @Nullable String unit,
        LocalDate start,
        @Nullable LocalDate end,
        String author,
        String reason,
        Instant createdAt,
        String description,
        @Nullable Boolean applied) {
    public AdjustmentView {
        requireNonNull(id, "id is null");
        requireNonNull(service, "service is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(author, "author is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(description, "description is null");
    }

    static AdjustmentView of(StoredAdjustment adjustment, @Nullable Boolean applied) {
        return new AdjustmentView(
                adjustment.id(),
                adjustment.service(),
                adjustment.cluster(),
                adjustment.resource(),
                adjustment.kind(),
                adjustment.value(),
                adjustment.unit(),
                adjustment.start(),
                adjustment.end(),
                adjustment.author(),
                adjustment.reason(),
                adjustment.createdAt(),
                adjustment.describe(),
                applied);
    }
}
