package io.fleetcast.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    private static final long MS = 1_000_000;

    /** Wikipedia's "Percentile" article, nearest-rank method: 15, 20, 35, 40, 50 have P30 = 20, P50 = 35, P100 = 50. */
    @Test
    void nearestRankMatchesThePublishedExample() {
        long[] sorted = {15, 20, 35, 40, 50};
        assertThat(LatencySummary.nearestRank(sorted, 0.05)).isEqualTo(15);
        assertThat(LatencySummary.nearestRank(sorted, 0.30)).isEqualTo(20);
        assertThat(LatencySummary.nearestRank(sorted, 0.40)).isEqualTo(20);
        assertThat(LatencySummary.nearestRank(sorted, 0.50)).isEqualTo(35);
        assertThat(LatencySummary.nearestRank(sorted, 1.00)).isEqualTo(50);
    }

    /** 1 to 20 ms in any order: the 10th value is the median, the 19th (⌈0.95·20⌉) the 95th percentile. */
    @Test
    void summarisesTwentyTimingsInMilliseconds() {
        long[] nanos = new long[20];
        for (int i = 0; i < 20; i++) {
            nanos[i] = (20 - i) * MS;
        }
        LatencySummary summary = LatencySummary.ofNanos(nanos);
        assertThat(summary).isEqualTo(new LatencySummary(20, 10, 19, 20));
        assertThat(nanos[0]).as("the input is not reordered").isEqualTo(20 * MS);
    }

    /** 50 runs, as the benchmark does: P95 is the 48th, so the two slowest runs (a cold first call) do not count. */
    @Test
    void fiftyRunsIgnoreTheTwoSlowest() {
        long[] nanos = new long[50];
        for (int i = 0; i < 48; i++) {
            nanos[i] = 5 * MS;
        }
        nanos[48] = 900 * MS;
        nanos[49] = 2_000 * MS;
        LatencySummary summary = LatencySummary.ofNanos(nanos);
        assertThat(summary.p95Millis()).isEqualTo(5);
        assertThat(summary.maxMillis()).isEqualTo(2_000);
    }

    @Test
    void oneTimingIsEveryPercentile() {
        assertThat(LatencySummary.ofNanos(2_500_000)).isEqualTo(new LatencySummary(1, 2.5, 2.5, 2.5));
    }

    /** Seeded random cases: as many values lie at or below each percentile as nearest rank promises, and it was measured. */
    @Test
    void percentilesHoldTheirShareOfRandomTimings() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long[] nanos = new long[1 + random.nextInt(300)];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = random.nextLong(1_000) * MS;
            }
            LatencySummary summary = LatencySummary.ofNanos(nanos);
            for (double[] check : new double[][] {{0.50, summary.p50Millis()}, {0.95, summary.p95Millis()}}) {
                long atOrBelow = 0;
                long below = 0;
                boolean measured = false;
                for (long value : nanos) {
                    double millis = value / 1e6;
                    atOrBelow += millis <= check[1] ? 1 : 0;
                    below += millis < check[1] ? 1 : 0;
                    measured |= millis == check[1];
                }
                assertThat(measured).isTrue();
                assertThat(atOrBelow).isGreaterThanOrEqualTo((long) Math.ceil(check[0] * nanos.length));
                assertThat(below).isLessThan((long) Math.ceil(check[0] * nanos.length));
            }
        }
    }

    @Test
    void rejectsNoTimings() {
        assertThatThrownBy(LatencySummary::ofNanos)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no timings");
    }
}
