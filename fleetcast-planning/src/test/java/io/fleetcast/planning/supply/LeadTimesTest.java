package io.fleetcast.planning.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
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
}
