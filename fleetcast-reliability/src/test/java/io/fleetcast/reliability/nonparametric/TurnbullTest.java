package io.fleetcast.reliability.nonparametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import org.junit.jupiter.api.Test;

/**
 * Turnbull's estimate against R's {@code survfit(Surv(left, right, type = "interval2") ~ 1)}: the script and its output
 * are {@code turnbull-reference.R} and {@code turnbull-reference.txt} beside this test's resources (survival 3.5-3).
 */
class TurnbullTest {
    /** R's survival after each failure time, nelson_turbine in turnbull-reference.txt (exact: one schedule). */
    private static final double[] TURBINE_R = {
        0.970059880239521, 0.874251497005988, 0.802395209580838, 0.694610778443114,
        0.586826347305389, 0.574850299401198, 0.538922155688623, 0.437125748502994
    };

    /** R's survival at the mixed case's jumps 1.5, 4, 6.5, 8, 9.25 and 11, turnbull-reference.txt. */
    private static final double[] MIXED_R = {
        0.750000000000000, 0.666666666666667, 0.543532528151099, 0.420400966202330, 0.246265430850920, 0.123132715425460
    };

    @Test
    void turbineReadoutsMatchR() {
        // Nelson (1982) p. 415: 167 parts inspected at 8 times, 73 still uncracked at the last (the golden file's
        // nelson_turbine_part_cracks_interval).
        double[] inspections = {0, 6.12, 19.92, 29.64, 35.4, 39.72, 45.24, 52.32, 63.48};
        long[] cracked = {5, 16, 12, 18, 18, 2, 6, 17};
        LifeData.Builder builder = LifeData.builder();
        for (int i = 0; i < cracked.length; i++) {
            builder.failedBetween(inspections[i], inspections[i + 1], cracked[i]);
        }
        builder.suspension(63.48, 73);

        Turnbull.Estimate estimate = Turnbull.estimate(builder.build());

        assertThat(estimate.converged()).isTrue();
        ImmutableList<Turnbull.Step> steps = estimate.steps();
        assertThat(steps).hasSize(9); // the 8 inspection intervals and (63.48, ∞)
        for (int i = 0; i < TURBINE_R.length; i++) {
            assertThat(steps.get(i).lower()).isEqualTo(inspections[i]);
            assertThat(steps.get(i).upper()).isEqualTo(inspections[i + 1]);
            assertThat(steps.get(i).survival())
                    .as("after %s", inspections[i + 1])
                    .isCloseTo(TURBINE_R[i], within(1e-6));
        }
        assertThat(steps.get(8).upper()).isInfinite();
        assertThat(steps.get(8).mass()).isCloseTo(73.0 / 167, within(1e-12));
    }

    /**
     * Units A: failed by 3; B: failed at 4; C: in (4.5, 7]; D: suspended at 5; E (two): in (1, 2]; F: failed at 8; G:
     * in (8.5, 10]; H: suspended at 9; I: failed at 11; J: suspended at 12; K: in (6, 9.5]. The innermost intervals are
     * (1, 2], [4], (6, 7], [8], (9, 9.5], [11], (12, ∞) with masses s₁ to s₇, and the likelihood is s₁³ s₂ s₃ s₄ s₅ s₆
     * s₇ (s₃ + … + s₇)(s₅ + s₆ + s₇)(s₃ + s₄ + s₅). So s₁ = 3/12 and s₂ = 1/12; the rest is symmetric in (s₃, s₄) and
     * in (s₆, s₇) and, with those equal, in the two pairs, so s₃ = s₄ = s₆ = s₇ = x and s₅ = z with 4x + z = 2/3;
     * setting the derivative of 4 ln x + ln z + 2 ln(z + 2x) to 0 gives z = √2 x.
     */
    @Test
    void mixedCensoringMatchesTheExactMaximumAndR() {
        LifeData data = LifeData.builder()
                .failedBefore(3, 1)
                .failure(4, 1)
                .failedBetween(4.5, 7, 1)
                .suspension(5, 1)
                .failedBetween(1, 2, 2)
                .failure(8, 1)
                .failedBetween(8.5, 10, 1)
                .suspension(9, 1)
                .failure(11, 1)
                .suspension(12, 1)
                .failedBetween(6, 9.5, 1)
                .build();

        Turnbull.Estimate estimate = Turnbull.estimate(data);

        double x = (2.0 / 3) / (4 + Math.sqrt(2));
        double z = Math.sqrt(2) * x;
        double[] exact = {0.75, 2.0 / 3, 2.0 / 3 - x, 2.0 / 3 - 2 * x, 2.0 / 3 - 2 * x - z, x, 0};
        double[][] intervals = {{1, 2}, {4, 4}, {6, 7}, {8, 8}, {9, 9.5}, {11, 11}, {12, Double.POSITIVE_INFINITY}};
        ImmutableList<Turnbull.Step> steps = estimate.steps();
        assertThat(estimate.converged()).isTrue();
        assertThat(steps).hasSize(7);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).lower()).isEqualTo(intervals[i][0]);
            assertThat(steps.get(i).upper()).isEqualTo(intervals[i][1]);
            assertThat(steps.get(i).survival()).as("step %s", i).isCloseTo(exact[i], within(1e-9));
        }
        // R stops iterating when no value moves by 5e-5; its answer is within 2e-6 of the exact one.
        for (int i = 0; i < MIXED_R.length; i++) {
            assertThat(steps.get(i).survival()).as("R step %s", i).isCloseTo(MIXED_R[i], within(2e-6));
        }
    }

    @Test
    void exactFailuresAndSuspensionsGiveKaplanMeier() {
        LifeData data = LifeData.of(new double[] {3, 5, 5, 8, 10, 12, 15, 21}, new double[] {4, 5, 9, 9, 13, 20, 25});

        ImmutableList<Turnbull.Step> steps = Turnbull.estimate(data).steps();
        ImmutableList<SurvivalStep> km = Survival.kaplanMeier(data, 0.95);

        ImmutableList<Turnbull.Step> failures = steps.stream()
                .filter(s -> s.mass() > 1e-9)
                .filter(s -> Double.isFinite(s.upper()))
                .collect(ImmutableList.toImmutableList());
        assertThat(failures).hasSameSizeAs(km);
        for (int i = 0; i < km.size(); i++) {
            assertThat(failures.get(i).upper()).isEqualTo(km.get(i).time());
            assertThat(failures.get(i).survival()).isCloseTo(km.get(i).survival(), within(1e-9));
        }
    }

    @Test
    void refusesAllSuspendedDataAndDelayedEntry() {
        assertThatThrownBy(() -> Turnbull.estimate(LifeData.of(new double[0], new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one failure");
        LifeData entered = LifeData.builder().failure(5, 1).enteredAt(2, 1).build();
        assertThatThrownBy(() -> Turnbull.estimate(entered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left truncation");
    }
}
