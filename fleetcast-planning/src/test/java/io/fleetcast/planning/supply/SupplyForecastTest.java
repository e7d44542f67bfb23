package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.reliability.distribution.Exponential;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usable capacity worked out by hand: an exponential life, a planned retirement, an order with learned slips. */
class SupplyForecastTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    private static final double RATE = 0.01;
    private static final ServerShape SHAPE = new ServerShape(10, 100, 1);

    @Test
    void subtractsExpectedFailuresAndRetirementsAndAddsOrdersFromTheirMedianArrivalDay() {
        // Four servers retiring on 2026-01-06: in service on days 0-3 (2026-01-02 .. 01-05), out from day 4.
        ServerCohort cohort = new ServerCohort("c1", "s", 4, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 6));
        // Slips of 0, 2 and 4 days; two servers promised for 2026-01-03 (day 1).
        LeadTimes leadTimes = LeadTimes.learn(List.of(
                order(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), 0),
                order(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 1), 2),
                order(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 1), 4)));
        InFlightOrder open = new InFlightOrder("PO-1", "c1", "s", 2, LocalDate.of(2026, 1, 3));

        SupplyPath cpu = path(
                SupplyForecast.forecast(
                        AS_OF,
                        8,
                        List.of(cohort),
                        List.of(open),
                        Map.of("s", SHAPE),
                        Map.of("s", new Exponential(RATE, 0)),
                        leadTimes),
                Resource.CPU);

        assertThat(cpu.installed()).isEqualTo(40);
        double survive0 = Math.exp(-RATE);
        // Day 0: one day of failures; the order is not due (promised day 1, the earliest slip is 0).
        assertThat(cpu.mean(0)).isCloseTo(40 * survive0, within(1e-9));
        assertThat(cpu.standardDeviation(0)).isCloseTo(Math.sqrt(4 * survive0 * (1 - survive0) * 100), within(1e-9));
        // Days 1 and 2: a third of the past orders arrived by their promise or a day after; not yet the median.
        assertThat(cpu.arriving(1)).isZero();
        assertThat(cpu.arriving(2)).isZero();
        double var2 = 4 * Math.exp(-3 * RATE) * (1 - Math.exp(-3 * RATE)) * 100 + 400 * (1.0 / 3) * (2.0 / 3);
        assertThat(cpu.standardDeviation(2)).isCloseTo(Math.sqrt(var2), within(1e-9));
        // Day 3: two of three past orders came at most two days late, so the order counts whole: 20 cores.
        assertThat(cpu.arriving(3)).isEqualTo(20);
        double survive3 = Math.exp(-4 * RATE);
        assertThat(cpu.mean(3)).isCloseTo(40 * survive3 + 20, within(1e-9));
        double var3 = 4 * survive3 * (1 - survive3) * 100 + 400 * (2.0 / 3) * (1.0 / 3);
        assertThat(cpu.standardDeviation(3)).isCloseTo(Math.sqrt(var3), within(1e-9));
        // Day 4: the cohort retired (its failures stop on the retirement day); the order is still uncertain.
        double survive4 = Math.exp(-5 * RATE);
        assertThat(cpu.retired(4)).isCloseTo(40 * survive4, within(1e-9));
        assertThat(cpu.failed(4)).isCloseTo(40 * (1 - survive4), within(1e-9));
        assertThat(cpu.mean(4)).isCloseTo(20, within(1e-9));
        assertThat(cpu.failed(7)).isCloseTo(cpu.failed(4), within(1e-12));
        // Day 5 on: every past slip is covered.
        assertThat(cpu.mean(5)).isCloseTo(20, within(1e-9));
        assertThat(cpu.standardDeviation(5)).isZero();
    }

    @Test
    void monthByMonthThePathOpensWithWhatTheMonthBeforeClosedWith() {
        // From 2026-01-30 for 8 days: January's last two days, then six of February. Four servers retire on
        // 2026-02-02 (day 3); failures count through that day, as above.
        ServerCohort cohort = new ServerCohort("c1", "s", 4, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 2));
        SupplyPath cpu = path(
                SupplyForecast.forecast(
                        LocalDate.of(2026, 1, 29),
                        8,
                        List.of(cohort),
                        List.of(),
                        Map.of("s", SHAPE),
                        Map.of("s", new Exponential(RATE, 0)),
                        LeadTimes.learn(List.of())),
                Resource.CPU);

        List<SupplyMonth> months = cpu.byMonth();
        assertThat(months).extracting(SupplyMonth::month).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        SupplyMonth january = months.get(0);
        assertThat(january.opening()).isEqualTo(40);
        assertThat(january.failing()).isCloseTo(40 * (1 - Math.exp(-2 * RATE)), within(1e-9));
        assertThat(january.retiring()).isZero();
        assertThat(january.closing()).isCloseTo(40 * Math.exp(-2 * RATE), within(1e-9));
        SupplyMonth february = months.get(1);
        assertThat(february.opening()).isEqualTo(january.closing());
        assertThat(february.failing()).isCloseTo(40 * (Math.exp(-2 * RATE) - Math.exp(-4 * RATE)), within(1e-9));
        assertThat(february.retiring()).isCloseTo(40 * Math.exp(-4 * RATE), within(1e-9));
        assertThat(february.arriving()).isZero();
        assertThat(february.closing()).isCloseTo(0, within(1e-9));
        assertThat(february.closing()).isEqualTo(cpu.mean(7));
    }

    @Test
    void anOverdueOrderArrivesAsTheLatePastOrdersDid() {
        LeadTimes leadTimes = LeadTimes.learn(List.of(
                order(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), 0),
                order(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 1), 10),
                order(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 1), 20)));
        // Promised 5 days before the start and not here: only the 10- and 20-day slips speak for it.
        InFlightOrder late = new InFlightOrder("PO-2", "c1", "s", 1, AS_OF.minusDays(5));
        SupplyPath cpu = path(
                SupplyForecast.forecast(AS_OF, 20, List.of(), List.of(late), Map.of("s", SHAPE), Map.of(), leadTimes),
                Resource.CPU);
        // Day d is d + 6 days past the promise: on day 4 the 10-day slip is covered, half of those that speak.
        assertThat(cpu.arriving(3)).isZero();
        assertThat(cpu.arriving(4)).isEqualTo(10);
        assertThat(cpu.standardDeviation(4)).isCloseTo(10 * 0.5, within(1e-9));
        assertThat(cpu.arriving(14)).isEqualTo(10);
        assertThat(cpu.standardDeviation(14)).isZero();
    }

    @Test
    void withoutHistoryAnOrderArrivesOnItsPromise() {
        InFlightOrder order = new InFlightOrder("PO-3", "c1", "s", 3, AS_OF.plusDays(3));
        SupplyPath memory = path(
                SupplyForecast.forecast(
                        AS_OF, 5, List.of(), List.of(order), Map.of("s", SHAPE), Map.of(), LeadTimes.learn(List.of())),
                Resource.MEMORY);
        assertThat(memory.mean(1)).isZero();
        assertThat(memory.mean(2)).isEqualTo(300);
    }

    @Test
    void aSkuOutsideTheCatalogIsNamed() {
        ServerCohort cohort = new ServerCohort("c9", "ghost-sku", 1, LocalDate.of(2025, 1, 1), LocalDate.MAX);
        assertThatThrownBy(() -> SupplyForecast.forecast(
                        AS_OF, 5, List.of(cohort), List.of(), Map.of(), Map.of(), LeadTimes.learn(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster c9")
                .hasMessageContaining("ghost-sku");
    }

    private static SupplyPath path(Map<String, Map<Resource, SupplyPath>> paths, Resource resource) {
        return requireNonNull(requireNonNull(paths.get("c1")).get(resource));
    }

    private static PastOrder order(LocalDate ordered, LocalDate promised, int slip) {
        return new PastOrder("s", ordered, promised, promised.plusDays(slip));
    }
}
