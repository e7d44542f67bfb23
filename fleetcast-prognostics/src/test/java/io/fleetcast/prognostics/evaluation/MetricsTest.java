package io.fleetcast.prognostics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each metric on a case worked by hand. */
class MetricsTest {
    @Test
    void rulErrorAndTheAsymmetricScore() {
        // d = -3 (early) and +10 (late).
        double[] predicted = {10, 20};
        double[] actual = {13, 10};
        assertThat(RulMetrics.rmse(predicted, actual)).isCloseTo(Math.sqrt(54.5), within(1e-12));
        assertThat(RulMetrics.nasaScore(predicted, actual))
                .isCloseTo(Math.exp(3.0 / 13) - 1 + Math.exp(1) - 1, within(1e-12));
        // Late costs more than early by the same amount.
        assertThat(RulMetrics.nasaScore(new double[] {15}, new double[] {10}))
                .isGreaterThan(RulMetrics.nasaScore(new double[] {5}, new double[] {10}));
    }

    @Test
    void averagePrecisionTakesTiesTogether() {
        // Thresholds 0.9 (1 of 1 failed), 0.8 (2 of 3), 0.3 (no failure gained), 0.1 (3 of 5):
        // (1 + 2/3 + 3/5) / 3 = 34/45.
        double[] scores = {0.9, 0.8, 0.8, 0.3, 0.1};
        boolean[] failed = {true, false, true, false, true};
        assertThat(RankingMetrics.averagePrecision(scores, failed)).isCloseTo(34.0 / 45, within(1e-12));
        assertThat(RankingMetrics.precisionAt(1, scores, failed)).isEqualTo(1);
        assertThat(RankingMetrics.precisionAt(2, scores, failed)).isEqualTo(0.5);
        assertThat(RankingMetrics.precisionAt(5, scores, failed)).isEqualTo(0.6);
        assertThat(RankingMetrics.averagePrecision(scores, new boolean[5])).isNaN();
    }
}
