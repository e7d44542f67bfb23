package io.fleetcast.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailySchedulerTest {
    @Test
    void theNextRunIsTodayUntilItsTimeHasComeThenTomorrow() {
        LocalTime six = LocalTime.of(6, 0);
        assertThat(DailyScheduler.next(Instant.parse("2026-11-02T05:59:59Z"), six))
                .isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(DailyScheduler.next(Instant.parse("2026-11-02T06:00:00Z"), six))
                .isEqualTo(Instant.parse("2026-11-03T06:00:00Z"));
        assertThat(DailyScheduler.next(Instant.parse("2026-12-31T23:00:00Z"), six))
                .isEqualTo(Instant.parse("2027-01-01T06:00:00Z"));
    }

    @Test
    void aRunThatFailsIsReportedAndTheSchedulerGoesOn() throws InterruptedException {
        // A clock a moment before the run's time of day: the first run comes within a second.
        Instant now = Instant.now();
        LocalTime soon = LocalTime.ofInstant(now.plusMillis(300), ZoneOffset.UTC);
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger reported = new AtomicInteger();
        // Once the run has started, the clock reads 50 ms behind, as when a timer fires a moment before the run's time:
        // the run must still not be due again today.
        Clock early = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant real = Instant.now();
                return ran.getCount() > 0 ? real : real.minusMillis(50);
            }
        };
        try (DailyScheduler scheduler = DailyScheduler.start(
                soon,
                early,
                () -> {
                    ran.countDown();
                    throw new IllegalStateException("disk full");
                },
                message -> reported.incrementAndGet())) {
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
            // Rescheduled for the same time tomorrow.
            for (int i = 0; i < 100 && scheduler.nextRun().isBefore(now.plusSeconds(3600)); i++) {
                Thread.sleep(50);
            }
            assertThat(scheduler.nextRun()).isAfter(now.plusSeconds(23 * 3600));
            assertThat(reported.get()).isEqualTo(1);
        }
    }
}
