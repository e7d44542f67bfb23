package io.fleetcast.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StageClockTest {
    private static final long SECOND = 1_000_000_000L;

    /**
     * A plan that reads for 2 s, fits lives for 1 s, reads again for 4 s, reports 3 series forecast over 9 s, works 2 s
     * before sizing 2 clusters over 2 s and saves for 5 s: the stages are exactly those and add up to the 25 s.
     */
    @Test
    void splitsTheWallTimeAtTheReportedSteps() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        StageClock clock = new StageClock(now::get);
        now.addAndGet(2 * SECOND);
        clock.progress("life fits", 1);
        now.addAndGet(SECOND);
        clock.progress("life fits", 1);
        now.addAndGet(4 * SECOND);
        clock.progress("demand forecasts", 3);
        now.addAndGet(5 * SECOND);
        clock.progress("demand forecasts", 3);
        now.addAndGet(4 * SECOND);
        clock.progress("demand forecasts", 3);
        now.addAndGet(2 * SECOND);
        clock.progress("headroom", 2);
        now.addAndGet(2 * SECOND);
        clock.progress("headroom", 2);
        now.addAndGet(5 * SECOND);

        var stages = clock.stop(Map.of("life fits", "reading inventory"), "saving");

        assertThat(stages)
                .containsExactly(
                        new PlanBenchmark.Stage("reading inventory", 2, 0),
                        new PlanBenchmark.Stage("life fits", 1, 1),
                        new PlanBenchmark.Stage("before demand forecasts", 4, 0),
                        new PlanBenchmark.Stage("demand forecasts", 9, 3),
                        new PlanBenchmark.Stage("before headroom", 2, 0),
                        new PlanBenchmark.Stage("headroom", 2, 2),
                        new PlanBenchmark.Stage("saving", 5, 0));
        assertThat(stages.stream().mapToDouble(PlanBenchmark.Stage::seconds).sum())
                .isEqualTo(25);
    }

    @Test
    void aTaskThatReportsNothingIsOneStage() {
        AtomicLong now = new AtomicLong();
        StageClock clock = new StageClock(now::get);
        now.addAndGet(3 * SECOND / 2);
        assertThat(clock.stop(Map.of(), "everything")).containsExactly(new PlanBenchmark.Stage("everything", 1.5, 0));
    }
}
