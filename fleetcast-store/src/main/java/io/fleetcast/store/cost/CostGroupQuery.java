package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;

/**
 * Which cost lines to sum, and which tags name their owner.
 *
 * @param from the first charge day
 * @param to the last charge day, inclusive
 * @param teamTags the tag keys that name a line's team, the first present one winning (e.g. {@code team}, {@code
 *     business_unit})
 * @param serviceTag the tag key that names a line's service
 */
public record CostGroupQuery(LocalDate from, LocalDate to, List<String> teamTags, String serviceTag) {
    public CostGroupQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        teamTags = ImmutableList.copyOf(teamTags);
        requireNonNull(serviceTag, "serviceTag is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        if (teamTags.isEmpty()) {
            throw new IllegalArgumentException("at least one team tag key is needed");
        }
    }
}
