package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A planner's manual adjustment of the demand forecast, as stored (see docs/data-formats.md, {@code adjustments}).
 *
 * @param id the identifier, unique
 * @param service the adjusted service
 * @param cluster the adjusted cluster; {@code null} for all of the service's clusters
 * @param resource {@code cpu}, {@code memory} or {@code storage}
 * @param kind {@code add}, {@code multiply}, {@code override} or {@code step}
 * @param value the quantity added or set (in the resource's canonical unit), or the factor for {@code multiply}
 * @param unit the value's unit as given; {@code null} for a factor
 * @param start the first day it applies
 * @param end the last day it applies (inclusive); {@code null} for a step, which lasts
 * @param author who made it
 * @param reason why
 * @param createdAt when it was made; later adjustments apply after earlier ones
 */
public record StoredAdjustment(
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
        Instant createdAt) {
    /** The kinds an adjustment can have. */
    public static final Set<String> KINDS = Set.of("add", "multiply", "override", "step");

    public StoredAdjustment {
        requireNonNull(id, "id is null");
        requireNonNull(service, "service is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(author, "author is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(createdAt, "createdAt is null");
        checkArgument(KINDS.contains(kind), "adjustment %s: kind must be one of %s, got %s", id, KINDS, kind);
        checkArgument(Double.isFinite(value), "adjustment %s: value must be finite, got %s", id, value);
        checkArgument(
                end == null || !end.isBefore(start), "adjustment %s: ends (%s) before it starts (%s)", id, end, start);
    }

    /** Whether it applies to the series {@code service/cluster/resource}. */
    public boolean appliesTo(String seriesService, String seriesCluster, String seriesResource) {
        return service.equals(seriesService)
                && (cluster == null || cluster.equals(seriesCluster))
                && resource.equals(seriesResource);
    }

    /** One line for people: {@code A1: multiply x1.1 2027-01-01..2027-01-31 (alice: peak season)}. */
    public String describe() {
        String number = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        String unitSuffix = unit == null ? "" : " " + unit;
        String amount = switch (kind) {
            case "multiply" -> "x" + number;
            case "override" -> "= " + number + unitSuffix;
            default -> (value >= 0 ? "+" : "") + number + unitSuffix;
        };
        String range = end == null || kind.equals("step") ? "from " + start : start + ".." + end;
        return id + ": " + kind + " " + amount + " " + range + " (" + author + ": " + reason + ")";
    }
}
