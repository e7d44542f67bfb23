package io.fleetcast.simulator.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final Timeline timeline = Timeline.ofHistory(1095, LocalDate.of(2026, 10, 31));

    @Test
    void historyEndsOnTheEndDayAndHasTheRequestedLength() {
        assertThat(timeline.start()).isEqualTo(LocalDate.of(2023, 11, 2));
        assertThat(timeline.historyDays()).isEqualTo(1095);
        assertThat(timeline.index(timeline.earliestDay())).isZero();
        assertThat(timeline.index(timeline.latestDay())).isEqualTo(timeline.length() - 1);
    }

    @Test
    void windowsEndWithTheHistory() {
        assertThat(Timeline.date(timeline.firstHourlyDay())).isEqualTo(LocalDate.of(2026, 10, 4));
        assertThat(Timeline.date(timeline.firstTelemetryDay())).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(Timeline.date(timeline.currentQuarterEndDay())).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Timeline.date(timeline.horizonEndDay())).isEqualTo(LocalDate.of(2027, 10, 31));
    }

    @Test
    void dayOfWeekMatchesTheCalendar() {
        for (int offset = 0; offset < 14; offset++) {
            LocalDate date = LocalDate.of(2026, 10, 20).plusDays(offset);
            assertThat(Timeline.dayOfWeek(Timeline.day(date)))
                    .isEqualTo(date.getDayOfWeek().getValue());
        }
        assertThat(LocalDate.of(2026, 10, 31).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }
}
