package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A team's budget for a period against its spend: actual to date, the forecast to the period's end and the
 * probability of overrunning.
 *
 * <p>A period that ended on or before the last day of data is settled: its forecast is its actual spend, and its
 * overrun probability is 1 or 0. For any other, the forecast is the actual to date plus the {@link SpendOutlook} of
 * the days left, whose error is taken as normal: P90 is the P50 plus 1.2816 standard errors, and the overrun
 * probability is P(spend &gt; budget). The alert is raised when the P50 exceeds the budget.
 *
 * @param team the team
 * @param period the period
 * @param budget the budget
 * @param actual the team's spend in the period up to the last day of data
 * @param daysElapsed days of the period up to the last day of data
 * @param forecastP50 the median of the period's total spend
 * @param forecastP90 its 90th percentile
 * @param overrunProbability P(total spend &gt; budget)
 * @param alert whether the P50 exceeds the budget
 * @param explanation how the figures were reached, for people
 */
public record BudgetCheck(
        String team,
        BudgetPeriod period,
        BigDecimal budget,
        BigDecimal actual,
        int daysElapsed,
        double forecastP50,
        double forecastP90,
        double overrunProbability,
        boolean alert,
        String explanation) {
    private static final double Z90 = 1.2815515655446004;

    public BudgetCheck {
        requireNonNull(team, "team is null");
        requireNonNull(period, "period is null");
        requireNonNull(budget, "budget is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(explanation, "explanation is null");
    }

    /**
     * Checks {@code budget} for {@code team} over {@code period}, given the spend to date and the outlook for the
     * period's days after {@code lastDay}.
     *
     * @throws IllegalArgumentException when the outlook does not cover exactly the period's days after {@code lastDay}
     */
    public static BudgetCheck of(
            String team,
            BudgetPeriod period,
            BigDecimal budget,
            BigDecimal actual,
            LocalDate lastDay,
            SpendOutlook remaining,
            String currency) {
        int elapsed = (int) Math.max(0, Math.min(period.days(), ChronoUnit.DAYS.between(period.start(), lastDay) + 1));
        int left = period.days() - elapsed;
        if (remaining.days() != left) {
            throw new IllegalArgumentException("the outlook covers " + remaining.days() + " days, but " + left
                    + " days of " + period.label() + " are after " + lastDay);
        }
        double spent = actual.doubleValue();
        double p50 = spent + remaining.p50();
        double limit = budget.doubleValue();
        if (left == 0) {
            boolean over = actual.compareTo(budget) > 0;
            String text = "%s spent %s of its %s budget for %s (%s); the period is over"
                    .formatted(
                            team,
                            money(actual, currency),
                            money(budget, currency),
                            period.label(),
                            percent(spent, limit));
            return new BudgetCheck(team, period, budget, actual, elapsed, spent, spent, over ? 1 : 0, over, text);
        }
        double error = remaining.standardError();
        double p90 = p50 + Z90 * error;
        double probability;
        if (error > 0) {
            probability = 1 - new NormalDistribution(p50, error).cumulativeProbability(limit);
        } else {
            probability = p50 > limit ? 1 : 0;
        }
        String errorSource = remaining.backtestOrigins() > 0
                ? "its error measured at %d backtest origins".formatted(remaining.backtestOrigins())
                : "its error from the method's own intervals (too little history to backtest)";
        String text = String.format(
                Locale.ROOT,
                "%s spent %s of its %s budget for %s in %d of %d days; the %d days left are forecast at %s (%s,"
                        + " %s, ± %s), so the period should end at %s (%s of budget), P90 %s; P(overrun) %.0f%%",
                team,
                money(actual, currency),
                money(budget, currency),
                period.label(),
                elapsed,
                period.days(),
                left,
                money(remaining.p50(), currency),
                remaining.method(),
                errorSource,
                money(error, currency),
                money(p50, currency),
                percent(p50, limit),
                money(p90, currency),
                100 * probability);
        return new BudgetCheck(team, period, budget, actual, elapsed, p50, p90, probability, p50 > limit, text);
    }

    private static String money(BigDecimal amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount.setScale(2, RoundingMode.HALF_EVEN), currency);
    }

    private static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }

    private static String percent(double part, double whole) {
        return whole == 0 ? "no budget" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
    }
}
