package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The days the fleet's data covers.
 *
 * @param firstDay the earliest install date or usage day
 * @param asOf the data's "now": the last day any stored fact speaks of (not the wall clock)
 */
public record DataSpan(LocalDate firstDay, LocalDate asOf) {
    public DataSpan {
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(asOf, "asOf is null");
        checkArgument(!firstDay.isAfter(asOf), "firstDay %s is after asOf %s", firstDay, asOf);
    }
}
