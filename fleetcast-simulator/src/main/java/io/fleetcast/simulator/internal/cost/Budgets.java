package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Team budgets per quarter: the last eight quarters wholly inside the history and the current quarter (the one holding
 * the end of the history). A budget is the team's expected spend in the quarter times a margin, rounded to three
 * significant digits: 4–25% above the spend for most (team, quarter) pairs, 8–20% below it for the pairs designed to
 * overrun (12% of past pairs, and one team — two when there are twenty or more — in the current quarter). A team's
 * expected spend is the EffectiveCost of all its lines, tagged or not, over the whole quarter; for the current quarter
 * that includes the days after the end of the history, costed by the same model.
 */
public final class Budgets {
    private static final int PAST_QUARTERS = 8;

    private Budgets() {}

    /** Writes budgets.csv and returns every (team, quarter) whose expected spend exceeds its budget. */
    public static ImmutableList<BudgetOverrun> write(
            CostOutcome costs, Timeline timeline, RandomStream random, CsvTableWriter writer) {
        requireNonNull(costs, "costs is null");
        int team = writer.column("team");
        int period = writer.column("period");
        int amount = writer.column("amount");
        int currency = writer.column("currency");
        LocalDate currentStart = timeline.end().with(IsoFields.DAY_OF_QUARTER, 1);
        List<LocalDate> quarters = new ArrayList<>();
        for (int back = PAST_QUARTERS; back >= 1; back--) {
            LocalDate start = currentStart.minusMonths(3L * back);
            if (!start.isBefore(timeline.start())) {
                quarters.add(start);
            }
        }
        quarters.add(currentStart);
        List<String> teams = costs.teams();
        RandomStream currentPicks = random.derive("current-overruns");
        int currentOverruns = teams.size() >= 20 ? 2 : 1;
        List<Integer> currentDesigned = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            candidates.add(i);
        }
        while (currentDesigned.size() < currentOverruns && !candidates.isEmpty()) {
            currentDesigned.add(candidates.remove(currentPicks.integer(0, candidates.size() - 1)));
        }
        RandomStream margins = random.derive("margins");
        List<BudgetOverrun> overruns = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            for (LocalDate start : quarters) {
                boolean current = start.equals(currentStart);
                int from = Timeline.day(start);
                int to = Timeline.day(start.plusMonths(3)) - 1;
                long expected = costs.spendMicros(t, from, to);
                long toEnd = costs.spendMicros(t, from, Math.min(to, timeline.lastDay()));
                boolean designed = current ? currentDesigned.contains(t) : margins.chance(0.12);
                double margin = designed ? -margins.uniform(0.08, 0.2) : margins.uniform(0.04, 0.25);
                BigDecimal budget = BigDecimal.valueOf(expected * (1 + margin))
                        .movePointLeft(6)
                        .round(new MathContext(3, RoundingMode.HALF_EVEN))
                        .setScale(2, RoundingMode.HALF_EVEN);
                String label = start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
                writer.text(team, teams.get(t))
                        .text(period, label)
                        .micros(amount, budget.movePointRight(6).longValueExact())
                        .text(currency, "USD");
                writer.endRow();
                long budgetMicros = budget.movePointRight(6).longValueExact();
                if (expected > budgetMicros) {
                    overruns.add(new BudgetOverrun(teams.get(t), label, budgetMicros, expected, toEnd, current));
                }
            }
        }
        return ImmutableList.copyOf(overruns);
    }
}
