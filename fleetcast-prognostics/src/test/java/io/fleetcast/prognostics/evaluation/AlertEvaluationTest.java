package io.fleetcast.prognostics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two days of alerts worked by hand. */
class AlertEvaluationTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    private static final LocalDate SECOND = LocalDate.of(2026, 10, 2);
    private static final List<AlertEvaluation.Score> SCORES = List.of(
            new AlertEvaluation.Score("A", FIRST, 0.9),
            new AlertEvaluation.Score("B", FIRST, 0.5),
            new AlertEvaluation.Score("C", FIRST, 0.1),
            new AlertEvaluation.Score("B", SECOND, 0.8),
            new AlertEvaluation.Score("A", SECOND, 0.7),
            new AlertEvaluation.Score("C", SECOND, 0.2));
    // A fails 4 days after the first day; C 19 days after, beyond a 10-day horizon; B does not fail.
    private static final Map<String, LocalDate> FAILURES =
            Map.of("A", LocalDate.of(2026, 10, 5), "C", LocalDate.of(2026, 10, 20));

    @Test
    void oneVisitADay() {
        // Day 1 visits A (fails within 10 days: right), day 2 visits B (wrong).
        AlertEvaluation one = AlertEvaluation.of(SCORES, 1, 10, FAILURES);
        assertThat(one.days()).isEqualTo(2);
        assertThat(one.alerts()).isEqualTo(2);
        assertThat(one.precision()).isEqualTo(0.5);
        // Only A failed within the horizon of a scored day; it was caught 4 days ahead.
        assertThat(one.failures()).isEqualTo(1);
        assertThat(one.caught()).isEqualTo(1);
        assertThat(one.recall()).isEqualTo(1);
        assertThat(one.medianLeadDays()).isEqualTo(4);
    }

    @Test
    void aLongerHorizonReachesMore() {
        // With 20 days, C's failure counts too: day 1 alerts A and B, day 2 B and A; C is never alerted.
        AlertEvaluation two = AlertEvaluation.of(SCORES, 2, 20, FAILURES);
        assertThat(two.precision()).isEqualTo(0.5);
        assertThat(two.failures()).isEqualTo(2);
        assertThat(two.caught()).isEqualTo(1);
        assertThat(two.recall()).isEqualTo(0.5);
        // Three visits a day reach C on day 1, 19 days ahead; A 4 days ahead: median 11.5.
        AlertEvaluation three = AlertEvaluation.of(SCORES, 3, 20, FAILURES);
        assertThat(three.caught()).isEqualTo(2);
        assertThat(three.medianLeadDays()).isEqualTo(11.5);
    }
}
