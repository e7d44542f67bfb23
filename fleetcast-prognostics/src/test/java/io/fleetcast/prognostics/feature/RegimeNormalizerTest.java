package io.fleetcast.prognostics.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeNormalizerTest {
    @Test
    void standardisesWithinEachRegime() {
        // Regime A: signal 0 reads 1 and 3 (mean 2, std √2), signal 1 reads 5 twice. Regime B: 10 and 20, 5 and 6.
        RegimeNormalizer normalizer = RegimeNormalizer.fit(
                List.of("A", "A", "B", "B"),
                List.of(new double[] {1, 5}, new double[] {3, 5}, new double[] {10, 5}, new double[] {20, 6}));

        assertThat(normalizer.regimes()).isEqualTo(2);
        assertThat(normalizer.isConstant(0)).isFalse();
        assertThat(normalizer.isConstant(1)).isFalse();
        double[] a = normalizer.normalize("A", new double[] {3, 7});
        assertThat(a[0]).isCloseTo(1 / Math.sqrt(2), within(1e-12));
        // No spread within A: nothing to standardise by.
        assertThat(a[1]).isNaN();
        double[] b = normalizer.normalize("B", new double[] {15 + 5 * Math.sqrt(2), 5.5});
        assertThat(b[0]).isCloseTo(1, within(1e-12));
        assertThat(b[1]).isCloseTo(0, within(1e-12));
        assertThat(normalizer.normalize("C", new double[] {1, 1})).containsOnly(Double.NaN);
    }

    @Test
    void aSignalThatNeverVariesIsConstant() {
        RegimeNormalizer normalizer = RegimeNormalizer.fit(
                List.of("A", "A", "B"), List.of(new double[] {1, 100}, new double[] {2, 100}, new double[] {3, 100}));
        assertThat(normalizer.isConstant(1)).isTrue();
        assertThat(normalizer.isConstant(0)).isFalse();
    }
}
