package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What the cost pass leaves for budgets and truth: each team's daily EffectiveCost (from the first day of the history
 * to the end of the current quarter) and the injected anomalies.
 */
public final class CostOutcome {
    private final ImmutableList<String> teams;
    private final int firstDay;
    private final long[][] dailyMicros;
    private final ImmutableList<CostAnomaly> anomalies;

    CostOutcome(List<String> teams, int firstDay, long[][] dailyMicros, List<CostAnomaly> anomalies) {
        this.teams = ImmutableList.copyOf(teams);
        this.firstDay = firstDay;
        this.dailyMicros = requireNonNull(dailyMicros, "dailyMicros is null");
        this.anomalies = ImmutableList.copyOf(anomalies);
    }

    public ImmutableList<String> teams() {
        return teams;
    }

    /** The team's EffectiveCost from {@code fromDay} to {@code toDay} (inclusive), micro-dollars. */
    public long spendMicros(int team, int fromDay, int toDay) {
        long sum = 0;
        long[] days = dailyMicros[team];
        for (int day = Math.max(fromDay, firstDay); day <= toDay && day - firstDay < days.length; day++) {
            sum += days[day - firstDay];
        }
        return sum;
    }

    /** Injected anomalies, by day. */
    public ImmutableList<CostAnomaly> anomalies() {
        return anomalies;
    }
}
