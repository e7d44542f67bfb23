package io.fleetcast.planning.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lead times and slips by hand: nearest-rank quantiles, and pooling for SKUs with too few orders. */
class LeadTimesTest {
    @Test
    void quantilesAreNearestRank() {
        EmpiricalDays days = EmpiricalDays.of(30, 10, 20, 40);
        assertThat(days.quantile(0.25)).isEqualTo(10);
        assertThat(days.quantile(0.5)).isEqualTo(20);
        assertThat(days.quantile(0.51)).isEqualTo(30);
        assertThat(days.quantile(1)).isEqualTo(40);
        assertThat(days.mean()).isEqualTo(25);
        assertThat(days.standardDeviation()).isCloseTo(Math.sqrt(500.0 / 3), within(1e-12));
        assertThat(days.cumulative(20)).isEqualTo(0.5);
        assertThat(days.cumulativeGiven(30, 20)).isEqualTo(0.5);
        assertThat(days.cumulativeGiven(50, 45)).isEqualTo(1);
    }

    @Test
    void aSkuWithFewOrdersBorrowsThePooledHistory() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        LeadTimes times = LeadTimes.learn(List.of(
                new PastOrder("a", day, day.plusDays(90), day.plusDays(100)),
                new PastOrder("a", day, day.plusDays(90), day.plusDays(95)),
                new PastOrder("a", day, day.plusDays(90), day.plusDays(90)),
                new PastOrder("b", day, day.plusDays(60), day.plusDays(70))));
        assertThat(times.hasOwnHistory("a")).isTrue();
        assertThat(times.hasOwnHistory("b")).isFalse();
        assertThat(times.leadTime("a").orElseThrow().count()).isEqualTo(3);
        assertThat(times.leadTime("a").orElseThrow().quantile(0.5)).isEqualTo(95);
        assertThat(times.leadTime("b").orElseThrow().count()).isEqualTo(4);
        assertThat(times.slip("a").orElseThrow().quantile(1)).isEqualTo(10);
        assertThat(LeadTimes.learn(List.of()).leadTime("a")).isEmpty();
    }

    @Test
    void aNewSkuBorrowsItsLinesLeadTimesAndEverySkusSlips() {
        // compute-old took 50, 60 and 70 days (each 5 late); storage 150 and 160 days (on time); compute-new, one order
        // of 55 days (on time), shares its clusters with compute-old.
        LocalDate day = LocalDate.of(2025, 1, 1);
        List<PastOrder> history = List.of(
                new PastOrder("compute-old", day, day.plusDays(45), day.plusDays(50)),
                new PastOrder("compute-old", day, day.plusDays(55), day.plusDays(60)),
                new PastOrder("compute-old", day, day.plusDays(65), day.plusDays(70)),
                new PastOrder("storage", day, day.plusDays(150), day.plusDays(150)),
                new PastOrder("storage", day, day.plusDays(160), day.plusDays(160)),
                new PastOrder("compute-new", day, day.plusDays(55), day.plusDays(55)));
        LeadTimes times = LeadTimes.learn(history)
                .withLines(Map.of(
                        "compute-new", Set.of("compute-old", "compute-new"),
                        "storage-new", Set.of("storage", "storage-new")));

        EmpiricalDays lead = times.leadTime("compute-new").orElseThrow();
        assertThat(lead.count()).isEqualTo(4);
        assertThat(lead.quantile(1)).isEqualTo(70);
        assertThat(times.leadTimeSource("compute-new"))
                .isEqualTo("too few orders of compute-new; the 4 delivered orders of its line (compute-new,"
                        + " compute-old)");
        // Its line has too few orders too: every SKU's.
        assertThat(times.leadTime("storage-new").orElseThrow().count()).isEqualTo(6);
        assertThat(times.leadTimeSource("storage-new"))
                .isEqualTo("too few orders of storage-new; all 6 delivered orders");
        assertThat(times.leadTimeSource("compute-old")).isEqualTo("3 delivered orders of compute-old");
        // Slips do not depend on the line: every SKU's six.
        assertThat(times.slip("compute-new").orElseThrow().count()).isEqualTo(6);
    }
}
