package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Unit costs worked by hand over January to March 2026 (31, 28 and 31 days). */
class UnitCostTest {
    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);

    /** Daily spend of 100 in January, 110 in February and 121 in March: 10% dearer each month. */
    private static double[] risingSpend() {
        double[] spend = new double[90];
        for (int d = 0; d < 90; d++) {
            spend[d] = d < 31 ? 100 : d < 59 ? 110 : 121;
        }
        return spend;
    }

    @Test
    void aFlowDriverIsSummedAndPricedPerThousand() {
        double[] requests = new double[90];
        Arrays.fill(requests, 1_000_000);

        UnitCost unit = UnitCost.of("requests", "api", "requests", JANUARY, risingSpend(), requests, "USD")
                .orElseThrow();

        // January: 3,100 USD for 31 million requests, 0.1 USD per 1k; February 3,080 for 28 million, 0.11; March
        // 3,751 for 31 million, 0.121. The log-linear trend is exactly +10% a month.
        assertThat(unit.unitLabel()).isEqualTo("USD per 1k requests");
        assertThat(unit.months())
                .extracting(UnitCost.Month::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(unit.months().get(0).cost()).isCloseTo(3100, within(1e-9));
        assertThat(unit.months().get(0).driverAmount()).isCloseTo(31_000_000, within(1e-6));
        assertThat(unit.months())
                .extracting(UnitCost.Month::unitCost)
                .satisfiesExactly(
                        c -> assertThat(c).isCloseTo(0.1, within(1e-12)),
                        c -> assertThat(c).isCloseTo(0.11, within(1e-12)),
                        c -> assertThat(c).isCloseTo(0.121, within(1e-12)));
        assertThat(unit.trendPerMonth()).isCloseTo(0.10, within(1e-12));
        assertThat(unit.explanation())
                .isEqualTo("api cost 3,751.00 USD in 2026-03 for 31,000,000 requests: 0.1210 USD per 1k requests; over"
                        + " 3 months the unit cost rose 10.0% a month");
    }

    @Test
    void aStockDriverIsAveragedSoDailyActiveUsersPriceTheMonth() {
        double[] users = new double[90];
        Arrays.fill(users, 1000);
        users[40] = 1280; // February's mean: (27 × 1000 + 1280) / 28 = 1010.

        UnitCost unit = UnitCost.of("daily_active_users", null, "users", JANUARY, risingSpend(), users, "USD")
                .orElseThrow();

        assertThat(unit.unitLabel()).isEqualTo("USD per user (monthly mean)");
        assertThat(unit.months().get(0).unitCost()).isCloseTo(3100.0 / 1000, within(1e-12));
        assertThat(unit.months().get(1).driverAmount()).isCloseTo(1010, within(1e-9));
        assertThat(unit.months().get(1).unitCost()).isCloseTo(3080.0 / 1010, within(1e-12));
        assertThat(unit.explanation())
                .startsWith("the fleet cost 3,751.00 USD in 2026-03 for 1,000 users on average a day");
    }

    @Test
    void aThousandUnitsCostingUnderACentArePricedPerMillion() {
        double[] requests = new double[90];
        Arrays.fill(requests, 1e9);

        UnitCost unit = UnitCost.of("requests", "api", "requests", JANUARY, risingSpend(), requests, "USD")
                .orElseThrow();

        // January: 3,100 USD for 31 billion requests is 0.0001 USD per 1k, so 0.1 USD per million.
        assertThat(unit.unitLabel()).isEqualTo("USD per 1M requests");
        assertThat(unit.months().get(0).unitCost()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void onlyWholeMonthsWithTheDriverOnEveryDayCount() {
        double[] requests = new double[90];
        Arrays.fill(requests, 5000);
        requests[45] = Double.NaN; // a February day without the driver

        UnitCost unit = UnitCost.of("requests", "api", "requests", JANUARY, risingSpend(), requests, "USD")
                .orElseThrow();
        assertThat(unit.months())
                .extracting(UnitCost.Month::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
        assertThat(unit.trendPerMonth()).isNull();

        // Starting mid-January leaves February and March; ending before March's end leaves February alone.
        double[] tail = Arrays.copyOfRange(risingSpend(), 10, 80);
        double[] tailRequests = new double[70];
        Arrays.fill(tailRequests, 5000);
        UnitCost partial = UnitCost.of("requests", "api", "requests", JANUARY.plusDays(10), tail, tailRequests, "USD")
                .orElseThrow();
        assertThat(partial.months()).extracting(UnitCost.Month::month).containsExactly(YearMonth.of(2026, 2));

        assertThat(UnitCost.of("requests", "api", "requests", JANUARY, new double[20], new double[20], "USD"))
                .isEmpty();
        assertThatThrownBy(
                        () -> UnitCost.of("requests", "api", "requests", JANUARY, new double[3], new double[2], "USD"))
                .hasMessage("spend has 3 days, requests has 2");
    }
}
