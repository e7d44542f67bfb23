package io.fleetcast.store.telemetry;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Which features to compute.
 *
 * @param from the first day to give features for
 * @param to the last day
 * @param windows the rolling windows, in days, each at least 2 (e.g. 7 and 30)
 * @param thresholds per signal, the value whose crossings are counted (a reading above it); signals not named get no
 *     crossing count
 */
public record FeatureQuery(LocalDate from, LocalDate to, List<Integer> windows, Map<String, Double> thresholds) {
    public FeatureQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        windows = ImmutableList.copyOf(windows);
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w < 2 || w > 3650)) {
            throw new IllegalArgumentException("windows must be 2 to 3,650 days, got " + windows);
        }
        thresholds = ImmutableMap.copyOf(thresholds);
    }
}
