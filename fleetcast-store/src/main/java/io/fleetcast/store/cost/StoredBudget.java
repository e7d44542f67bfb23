package io.fleetcast.store.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One row of the budgets file.
 *
 * @param team the team
 * @param period the period as the file names it ({@code 2026-Q3}, {@code 2026-07}, {@code 2026})
 * @param amount the budget, in {@code currency}
 * @param currency the currency, e.g. {@code USD}
 * @param sourceFile the file it was loaded from
 * @param sourceLine its line in that file
 */
public record StoredBudget(
        String team, String period, BigDecimal amount, String currency, String sourceFile, long sourceLine) {
    public StoredBudget {
        requireNonNull(team, "team is null");
        requireNonNull(period, "period is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(sourceFile, "sourceFile is null");
    }
}
