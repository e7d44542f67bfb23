package io.fleetcast.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadenceTest {
    static List<Instant> every(Duration step, int count, int... skipped) {
        List<Instant> instants = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        outer:
        for (int i = 0; i < count; i++) {
            for (int skip : skipped) {
                if (skip == i) {
                    continue outer;
                }
            }
            instants.add(start.plus(step.multipliedBy(i)));
        }
        return instants;
    }

    @Test
    void fixedStepsAreTheMostCommonGapAndCarryTheirUsualCycles() {
        Cadence hourly = Cadence.infer(every(Duration.ofHours(1), 100, 5, 6, 50));
        Cadence quarterHourly = Cadence.infer(every(Duration.ofMinutes(15), 10));
        Cadence daily = Cadence.infer(every(Duration.ofDays(1), 10));
        Cadence weekly = Cadence.infer(every(Duration.ofDays(7), 10));

        assertThat(hourly).isEqualTo(Cadence.of(Duration.ofHours(1)));
        assertThat(hourly.seasonalPeriods()).containsExactly(24, 168);
        assertThat(hourly.label()).isEqualTo("1 hour");
        assertThat(quarterHourly.seasonalPeriods()).containsExactly(96, 672);
        assertThat(quarterHourly.label()).isEqualTo("15 minutes");
        assertThat(daily.seasonalPeriods()).containsExactly(7, 365);
        assertThat(weekly.seasonalPeriods()).containsExactly(52);
        assertThat(weekly.label()).isEqualTo("1 week");
    }

    @Test
    void monthsAndQuartersFollowTheCalendar() {
        List<Instant> months = List.of(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"));
        List<Instant> quarters = List.of(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"),
                Instant.parse("2026-07-01T00:00:00Z"));

        Cadence monthly = Cadence.infer(months);

        assertThat(monthly).isEqualTo(Cadence.ofMonths(1));
        assertThat(monthly.seasonalPeriods()).containsExactly(12);
        assertThat(monthly.plus(months.get(0), 14)).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(monthly.stepsBetween(months.get(0), Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo(11);
        assertThat(monthly.stepsBetween(months.get(0), Instant.parse("2026-12-02T00:00:00Z")))
                .isEqualTo(-1);
        assertThat(Cadence.infer(quarters)).isEqualTo(Cadence.ofMonths(3));
        assertThat(Cadence.infer(quarters).label()).isEqualTo("1 quarter");
    }

    @Test
    void aTimestampOffTheStepHasNoIndex() {
        Cadence hourly = Cadence.of(Duration.ofHours(1));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(hourly.stepsBetween(start, Instant.parse("2026-01-01T05:00:00Z")))
                .isEqualTo(5);
        assertThat(hourly.stepsBetween(start, Instant.parse("2026-01-01T05:07:00Z")))
                .isEqualTo(-1);
    }
}
