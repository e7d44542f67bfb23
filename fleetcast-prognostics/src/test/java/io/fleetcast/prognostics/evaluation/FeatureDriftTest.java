package io.fleetcast.prognostics.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureDriftTest {
    @Test
    void worksTwentyValuesOutByHand() {
        double[] reference = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
        FeatureDrift drift = FeatureDrift.reference(reference);
        // Deciles of 1..20 are 2, 4, ..., 18: ten bins of two values each, nothing missing.
        assertThat(drift.edges()).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 18.0);
        assertThat(drift.shares())
                .hasSize(10)
                .allSatisfy(share -> assertThat(share).isEqualTo(0.1));
        assertThat(drift.missingShare()).isZero();
        assertThat(drift.psi(reference)).isEqualTo(0.0);

        // Four values in the first bin and one missing: 0.8 against 0.1, nine empty bins (floored at 0.0001) against
        // 0.1 each, and 0.2 missing against none (floored): 0.7 ln 8 + 9 (0.0001 - 0.1) ln 0.001 + 0.1999 ln 2000.
        double[] sample = {1, 1, 2, 0.5, Double.NaN};
        double expected = 0.7 * Math.log(8) + 9 * (1e-4 - 0.1) * Math.log(1e-3) + 0.1999 * Math.log(2000);
        assertThat(drift.psi(sample)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(9.1858, within(1e-4));
        assertThat(FeatureDrift.missing(sample)).isEqualTo(0.2);
    }

    @Test
    void aShiftedUniformHasTheAnalyticIndex() {
        // U(0, 1) against U(0.1, 1.1): the first decile bin empties (0.0001 against 0.1) and the last doubles (0.2
        // against
        // 0.1), the rest are unchanged: (0.0001 - 0.1) ln 0.001 + 0.1 ln 2 = 0.7594.
        int n = 100_000;
        double[] reference =
                IntStream.range(0, n).mapToDouble(i -> (i + 0.5) / n).toArray();
        double[] shifted =
                IntStream.range(0, n).mapToDouble(i -> 0.1 + (i + 0.5) / n).toArray();
        FeatureDrift drift = FeatureDrift.reference(reference);
        assertThat(drift.psi(shifted)).isCloseTo(0.7594, within(1e-3));
        assertThat(FeatureDrift.level(drift.psi(shifted))).isEqualTo("major");
        assertThat(FeatureDrift.level(0.25)).isEqualTo("moderate");
        assertThat(FeatureDrift.level(0.1)).isEqualTo("moderate");
        assertThat(FeatureDrift.level(0.0999)).isEqualTo("stable");
    }

    @Test
    void aSampleOfTheSameDistributionIsStable() {
        Random random = new Random(7);
        double[] reference = random.doubles(50_000).map(u -> -Math.log(1 - u)).toArray();
        double[] later = random.doubles(2_000).map(u -> -Math.log(1 - u)).toArray();
        double[] wider = random.doubles(2_000).map(u -> -1.5 * Math.log(1 - u)).toArray();
        FeatureDrift drift = FeatureDrift.reference(reference);
        // Ten bins and 2,000 values: sampling alone gives about (10 - 1) / 2,000 = 0.0045.
        assertThat(drift.psi(later)).isLessThan(0.02);
        // A 50% larger mean moves a lot of mass to the top bins.
        assertThat(drift.psi(wider)).isGreaterThan(FeatureDrift.MODERATE);
    }

    @Test
    void tiesStayInOneBinAndMissingValuesInTheirOwn() {
        double[] reference = new double[100];
        for (int i = 90; i < 100; i++) {
            reference[i] = i - 89; // ninety zeros, then 1..10
        }
        reference[0] = Double.NaN;
        FeatureDrift drift = FeatureDrift.reference(reference);
        // 89 zeros in the first bin (the deciles up to the 9th are all 0), then the 9th decile of the 99 present
        // values, 1 (89 + 1 = 90 values at or under it); above it 9 values.
        assertThat(drift.edges()).containsExactly(0.0, 1.0);
        assertThat(drift.shares()).containsExactly(0.89, 0.01, 0.09);
        assertThat(drift.missingShare()).isEqualTo(0.01);
        assertThat(drift.psi(reference)).isEqualTo(0.0);
        // The same reference read back from its parts.
        FeatureDrift copy = new FeatureDrift(List.of(0.0, 1.0), List.of(0.89, 0.01, 0.09), 0.01);
        assertThat(copy.psi(new double[] {0, 0, 5, Double.NaN}))
                .isEqualTo(drift.psi(new double[] {0, 0, 5, Double.NaN}));
    }
}
