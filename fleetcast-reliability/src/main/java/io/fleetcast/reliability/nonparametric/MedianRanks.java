package io.fleetcast.reliability.nonparametric;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plotting positions of failures among suspensions: Johnson's adjusted ranks, each failure's rank moved up by the
 * suspensions before it, and Benard's approximation of the median rank, F = (rank − 0.3) / (n + 0.4).
 */
public final class MedianRanks {
    private MedianRanks() {}

    /**
     * A failure's plotting position.
     *
     * @param time the failure time
     * @param adjustedRank Johnson's adjusted rank (the plain rank without suspensions)
     * @param unreliability Benard's median rank: the estimated share failed by {@code time}
     */
    public record Position(double time, double adjustedRank, double unreliability) {}

    /**
     * The position of every failure (one per unit, in time order; at equal times failures come before suspensions).
     */
    public static ImmutableList<Position> of(LifeData data) {
        checkArgument(
                data.exactFailuresOnly(),
                "median ranks take exact failures and suspensions; these data have left- or interval-censored units");
        checkArgument(data.entries().isEmpty(), "median ranks with delayed entry (left truncation) are not here yet");
        record Unit(double time, boolean failed) {}
        List<Unit> units = new ArrayList<>();
        data.failures().forEach(o -> {
            for (long i = 0; i < o.count(); i++) {
                units.add(new Unit(o.lower(), true));
            }
        });
        data.rightCensored().forEach(o -> {
            for (long i = 0; i < o.count(); i++) {
                units.add(new Unit(o.lower(), false));
            }
        });
        units.sort(Comparator.comparingDouble(Unit::time).thenComparing(unit -> !unit.failed()));
        int n = units.size();
        double rank = 0;
        ImmutableList.Builder<Position> positions = ImmutableList.builder();
        for (int i = 0; i < n; i++) {
            if (units.get(i).failed()) {
                int reverseRank = n - i;
                rank += (n + 1 - rank) / (1 + reverseRank);
                positions.add(new Position(units.get(i).time(), rank, (rank - 0.3) / (n + 0.4)));
            }
        }
        return positions.build();
    }
}
