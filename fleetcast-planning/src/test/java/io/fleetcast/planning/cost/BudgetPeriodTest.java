package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {
    private static final String ACCEPTED_FORMS =
            "use a quarter (2026-Q3), a half (2026-H1), a month (2026-07) or a year (2026)";

    @Test
    void aQuarterRunsThreeCalendarMonths() {
        BudgetPeriod q3 = BudgetPeriod.parse("2026-Q3");

        // Q3 is July, August, September: 31 + 31 + 30 = 92 days.
        assertThat(q3).isEqualTo(new BudgetPeriod("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(q3.days()).isEqualTo(92);
        // Q1 of a leap year: 31 + 29 + 31 = 91 days; Q4: 31 + 30 + 31 = 92 days.
        assertThat(BudgetPeriod.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BudgetPeriod.parse("2024-Q1").days()).isEqualTo(91);
        assertThat(BudgetPeriod.parse("2026-Q4"))
                .isEqualTo(new BudgetPeriod("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aHalfRunsSixCalendarMonths() {
        // H1 of 2026: 31 + 28 + 31 + 30 + 31 + 30 = 181 days; H2: 31 + 31 + 30 + 31 + 30 + 31 = 184 days.
        assertThat(BudgetPeriod.parse("2026-H1"))
                .isEqualTo(new BudgetPeriod("2026-H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));
        assertThat(BudgetPeriod.parse("2026-H1").days()).isEqualTo(181);
        assertThat(BudgetPeriod.parse("2026-H2"))
                .isEqualTo(new BudgetPeriod("2026-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)));
        assertThat(BudgetPeriod.parse("2026-H2").days()).isEqualTo(184);
    }

    @Test
    void aMonthEndsOnItsLastDayLeapFebruaryIncluded() {
        // 2024 is a leap year (divisible by 4, not a century): February has 29 days; in 2026 it has 28.
        assertThat(BudgetPeriod.parse("2024-02"))
                .isEqualTo(new BudgetPeriod("2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(BudgetPeriod.parse("2024-02").days()).isEqualTo(29);
        assertThat(BudgetPeriod.parse("2026-02").days()).isEqualTo(28);
        assertThat(BudgetPeriod.parse("2026-07").days()).isEqualTo(31);
    }

    @Test
    void aYearRunsFromNewYearToNewYearsEve() {
        assertThat(BudgetPeriod.parse("2026"))
                .isEqualTo(new BudgetPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(BudgetPeriod.parse("2026").days()).isEqualTo(365);
        assertThat(BudgetPeriod.parse("2024").days()).isEqualTo(366);
    }

    @Test
    void lowerCaseAndSurroundingSpacesAreNormalised() {
        assertThat(BudgetPeriod.parse("2026-q3")).isEqualTo(BudgetPeriod.parse("2026-Q3"));
        assertThat(BudgetPeriod.parse(" 2026-h1 ").label()).isEqualTo("2026-H1");
        assertThat(BudgetPeriod.parse(" 2026-h1 ").start()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void textThatNamesNoPeriodIsRefusedWithTheAcceptedForms() {
        List<String> refused =
                List.of("2026-Q5", "2026-Q0", "2026-H3", "2026-13", "2026-00", "Q3 2026", "26-Q3", "2026-7", "");
        for (String text : refused) {
            assertThatThrownBy(() -> BudgetPeriod.parse(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not a budget period: " + ACCEPTED_FORMS);
        }
    }

    @Test
    void containsBothEndsAndNothingOutside() {
        BudgetPeriod q3 = BudgetPeriod.parse("2026-Q3");

        assertThat(q3.contains(LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 8, 15))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(q3.contains(LocalDate.of(2025, 8, 15))).isFalse();
    }
}
