package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Commitments sized to the steady part of on-demand use, with savings worked by hand. */
class CommitmentCoverageTest {
    @Test
    void commitsToTheInstancesUsedOnNineDaysInTen() {
        // 100 days: 90 days of 12 instances (288 hours) and 10 days of 5 (120 hours). Sorted, the 10% quantile sits
        // at position 0.1 × 99 = 9.9, between the 10th value (5) and the 11th (12): 5 + 0.9 × 7 = 11.3 instances,
        // so 11 are committed. Saving: 11 × 730.485 h × (1.00 − 0.60) = 3,214.134 a month.
        double[] hours = new double[100];
        Arrays.fill(hours, 288);
        for (int d = 0; d < 10; d++) {
            hours[d * 10] = 120;
        }

        Saving saving = CommitmentCoverage.recommend(
                        new CommitmentCoverage.Use("m7.4xlarge", "us-east-1", hours, 1.00, 0.60, "the catalog's rate"),
                        "USD")
                .orElseThrow();

        assertThat(saving.kind()).isEqualTo(Saving.Kind.COMMITMENT);
        assertThat(saving.team()).isNull();
        assertThat(saving.subject()).isEqualTo("m7.4xlarge in us-east-1");
        assertThat(saving.monthlySaving()).isCloseTo(3214.134, within(1e-6));
        assertThat(saving.explanation())
                .startsWith("commit to 11 m7.4xlarge in us-east-1: on-demand use stayed above 11.3 instances on 90% of"
                        + " the last 100 days (median 12.0)")
                .contains("that saves 3,214.13 USD a month, for a commitment of 4,821.20 USD a month");
    }

    @Test
    void usageThatComesAndGoesCommitsToNothing() {
        // A forgotten load test: 150 instances on one day of 90, none on the others.
        double[] hours = new double[90];
        hours[40] = 150 * 24;

        assertThat(CommitmentCoverage.recommend(
                        new CommitmentCoverage.Use("m6id.16xlarge", "eu-west-1", hours, 3.80, 2.39, "x"), "USD"))
                .isEmpty();
    }

    @Test
    void noSavingWhenTheCommittedRateIsNotCheaper() {
        double[] hours = new double[30];
        Arrays.fill(hours, 240);

        assertThat(CommitmentCoverage.recommend(new CommitmentCoverage.Use("a", "r", hours, 0.5, 0.5, "x"), "USD"))
                .isEmpty();
        // Below one steady instance (0.9 instances a day) nothing is committed either.
        Arrays.fill(hours, 0.9 * 24);
        assertThat(CommitmentCoverage.recommend(new CommitmentCoverage.Use("a", "r", hours, 1.0, 0.5, "x"), "USD"))
                .isEmpty();
    }
}
