package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

/**
 * A team's quarter whose expected spend exceeds its budget.
 *
 * @param team the team
 * @param period the quarter, {@code 2026-Q3}
 * @param budgetMicros the budget, micro-dollars
 * @param expectedSpendMicros the team's EffectiveCost over the whole quarter under the model, including days after the
 *     end of the history, micro-dollars
 * @param spendToEndMicros the part of it up to the end of the history
 * @param current whether the quarter contains the end of the history
 */
public record BudgetOverrun(
        String team,
        String period,
        long budgetMicros,
        long expectedSpendMicros,
        long spendToEndMicros,
        boolean current) {
    public BudgetOverrun {
        requireNonNull(team, "team is null");
        requireNonNull(period, "period is null");
    }
}
