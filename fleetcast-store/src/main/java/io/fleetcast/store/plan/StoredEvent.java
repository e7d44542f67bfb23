package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One stored special event: a holiday (recurring ones keep their name) or a one-off event, with its scope.
 *
 * @param name the event's name
 * @param kind {@code holiday} or {@code one_off}
 * @param start the first day
 * @param end the last day (inclusive)
 * @param scope {@code global}, {@code region} or {@code service}
 * @param scopeValue the region or service; {@code null} for a global event
 */
public record StoredEvent(
        String name,
        String kind,
        LocalDate start,
        LocalDate end,
        String scope,
        @Nullable String scopeValue) {
    public StoredEvent {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(scope, "scope is null");
        checkArgument(!end.isBefore(start), "event %s ends (%s) before it starts (%s)", name, end, start);
    }

    /** Whether its scope covers a series of {@code service} on a cluster in {@code region} (unknown: {@code null}). */
    public boolean appliesTo(String service, @Nullable String region) {
        return switch (scope) {
            case "global" -> true;
            case "region" -> region != null && region.equals(scopeValue);
            case "service" -> service.equals(scopeValue);
            default -> false;
        };
    }
}
