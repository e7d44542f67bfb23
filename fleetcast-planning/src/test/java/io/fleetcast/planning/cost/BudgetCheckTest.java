package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases on 2026-Q3 (1 July to 30 September, 92 days). Normal probabilities: Φ(1) = 0.841344746, Φ(1.2) =
 * 0.884930330 (standard normal table).
 */
class BudgetCheckTest {
    private static final BudgetPeriod Q3 = BudgetPeriod.parse("2026-Q3");
    /** 1 to 31 July is 31 days, 1 to 15 August 15 more: 46 days elapsed, 92 - 46 = 46 days left. */
    private static final LocalDate MID_AUGUST = LocalDate.of(2026, 8, 15);
    /** The 46 days left forecast at 4,600 with a standard error of 500, measured at 8 origins. */
    private static final SpendOutlook REST_OF_Q3 = new SpendOutlook(46, 4600, 500, "sNaive", 8);

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static BudgetCheck check(String budget, String actual, LocalDate lastDay, SpendOutlook remaining) {
        return BudgetCheck.of("infra", Q3, usd(budget), usd(actual), lastDay, remaining, "USD");
    }

    @Test
    void aSettledPeriodOverBudgetIsCertainlyOverrun() {
        BudgetCheck check = check("1000", "1200.50", LocalDate.of(2026, 10, 5), SpendOutlook.NONE);

        assertThat(check.daysElapsed()).isEqualTo(92);
        assertThat(check.forecastP50()).isEqualTo(1200.5);
        assertThat(check.forecastP90()).isEqualTo(1200.5);
        assertThat(check.overrunProbability()).isEqualTo(1);
        assertThat(check.alert()).isTrue();
        // 1,200.50 / 1,000 = 120.05%, shown to one decimal.
        assertThat(check.explanation())
                .isEqualTo("infra spent 1,200.50 USD of its 1,000.00 USD budget for 2026-Q3 (120.1%);"
                        + " the period is over");
    }

    @Test
    void aSettledPeriodWithinBudgetIsCertainlyNotOverrun() {
        BudgetCheck under = check("1000", "800", LocalDate.of(2026, 10, 5), SpendOutlook.NONE);
        assertThat(under.forecastP50()).isEqualTo(800);
        assertThat(under.forecastP90()).isEqualTo(800);
        assertThat(under.overrunProbability()).isZero();
        assertThat(under.alert()).isFalse();

        // Spending exactly the budget is not an overrun; the last day of the period settles it.
        BudgetCheck exact = check("1000", "1000.00", Q3.end(), SpendOutlook.NONE);
        assertThat(exact.daysElapsed()).isEqualTo(92);
        assertThat(exact.overrunProbability()).isZero();
        assertThat(exact.alert()).isFalse();
    }

    @Test
    void aBudgetOneStandardErrorAboveTheP50IsOverrunWithProbabilityOneMinusPhiOfOne() {
        // P50 = 5,000 + 4,600 = 9,600; budget = 9,600 + 1 × 500 = 10,100; P(spend > budget) = 1 - Φ(1) = 0.158655.
        BudgetCheck check = check("10100", "5000", MID_AUGUST, REST_OF_Q3);

        assertThat(check.daysElapsed()).isEqualTo(46);
        assertThat(check.forecastP50()).isEqualTo(9600);
        // P90 = 9,600 + 1.2815515655446004 × 500 = 10,240.7757827723.
        assertThat(check.forecastP90()).isCloseTo(10_240.7757827723, within(1e-9));
        assertThat(check.overrunProbability()).isCloseTo(0.158655, within(1e-6));
        assertThat(check.alert()).isFalse();
        assertThat(check.explanation())
                .contains("in 46 of 92 days; the 46 days left are forecast at 4,600.00 USD")
                .contains("(sNaive, its error measured at 8 backtest origins, ± 500.00 USD)")
                .contains("should end at 9,600.00 USD (95.0% of budget), P90 10,240.78 USD; P(overrun) 16%");
    }

    @Test
    void aBudgetBelowTheP50RaisesTheAlert() {
        // P50 9,600 against a budget of 9,000: z = (9,000 - 9,600) / 500 = -1.2, P(overrun) = Φ(1.2) = 0.884930.
        BudgetCheck check = check("9000", "5000", MID_AUGUST, REST_OF_Q3);

        assertThat(check.alert()).isTrue();
        assertThat(check.overrunProbability()).isGreaterThan(0.5).isCloseTo(0.884930, within(1e-6));
        assertThat(check.forecastP50()).isEqualTo(9600);
    }

    @Test
    void anOutlookWithoutErrorGivesACertainAnswer() {
        SpendOutlook exact = new SpendOutlook(46, 4600, 0, "sNaive", 8);

        BudgetCheck over = check("9599.99", "5000", MID_AUGUST, exact);
        assertThat(over.overrunProbability()).isEqualTo(1);
        assertThat(over.forecastP90()).isEqualTo(9600);
        assertThat(over.alert()).isTrue();
        // A P50 equal to the budget does not exceed it.
        BudgetCheck atBudget = check("9600", "5000", MID_AUGUST, exact);
        assertThat(atBudget.overrunProbability()).isZero();
        assertThat(atBudget.alert()).isFalse();
    }

    @Test
    void anOutlookForTheWrongNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> check("10100", "5000", MID_AUGUST, new SpendOutlook(45, 4600, 500, "sNaive", 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the outlook covers 45 days, but 46 days of 2026-Q3 are after 2026-08-15");
        assertThatThrownBy(() -> check("10100", "5000", MID_AUGUST, SpendOutlook.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covers 0 days, but 46 days");
        // A settled period has no days left to forecast.
        assertThatThrownBy(() -> check("1000", "800", Q3.end(), new SpendOutlook(1, 10, 1, "sNaive", 8)))
                .hasMessage("the outlook covers 1 days, but 0 days of 2026-Q3 are after 2026-09-30");
    }

    @Test
    void daysElapsedCountsThePeriodsDaysUpToTheLastDayOfData() {
        assertThat(check("10100", "5000", MID_AUGUST, REST_OF_Q3).daysElapsed()).isEqualTo(46);
        // The first day of the period: 1 elapsed, 91 left.
        assertThat(check("10100", "0", Q3.start(), new SpendOutlook(91, 9000, 500, "sNaive", 8))
                        .daysElapsed())
                .isEqualTo(1);
        // Data ending before the period starts: none elapsed, all 92 left.
        assertThat(check("10100", "0", LocalDate.of(2026, 6, 20), new SpendOutlook(92, 9000, 500, "sNaive", 8))
                        .daysElapsed())
                .isZero();
    }
}
