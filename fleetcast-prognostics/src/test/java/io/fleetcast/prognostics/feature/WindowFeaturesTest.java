package io.fleetcast.prognostics.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A short series with a gap, worked by hand, and the point-in-time property. */
class WindowFeaturesTest {
    private static final double NAN = Double.NaN;

    @Test
    void statisticsAsWorkedByHand() {
        WindowFeatures features = WindowFeatures.of(List.of(2, 3));
        double[][] rows = features.compute(new double[] {1, 3, NAN, 7});

        assertThat(features.names("s").subList(0, 8))
                .containsExactly(
                        "s:last",
                        "s:since_first",
                        "s:mean_2",
                        "s:std_2",
                        "s:min_2",
                        "s:max_2",
                        "s:slope_2",
                        "s:ewma_2");
        // Step 0: one reading.
        assertThat(rows[0]).startsWith(1, 0, 1, NAN, 1, 1, NAN, 1);
        // Step 1, window 2: 1 and 3. EWMA with τ = 1: (3 + e⁻¹ × 1) / (1 + e⁻¹).
        double e = Math.exp(-1);
        assertThat(rows[1][2]).isEqualTo(2);
        assertThat(rows[1][3]).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(rows[1][6]).isCloseTo(2, within(1e-12));
        assertThat(rows[1][7]).isCloseTo((3 + e) / (1 + e), within(1e-12));
        // Step 2 is missing: its window 2 holds 3 only.
        assertThat(rows[2][0]).isNaN();
        assertThat(rows[2][1]).isNaN();
        assertThat(rows[2][2]).isEqualTo(3);
        assertThat(rows[2][3]).isNaN();
        // Step 3, window 3: 3 at step 1 and 7 at step 3, slope (7 - 3) / 2 = 2; EWMA with τ = 1.5.
        double w = Math.exp(-2 / 1.5);
        assertThat(rows[3][1]).isEqualTo(6);
        assertThat(rows[3][8]).isEqualTo(5);
        assertThat(rows[3][9]).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(rows[3][10]).isEqualTo(3);
        assertThat(rows[3][11]).isEqualTo(7);
        assertThat(rows[3][12]).isCloseTo(2, within(1e-12));
        assertThat(rows[3][13]).isCloseTo((7 + 3 * w) / (1 + w), within(1e-12));
    }

    @Test
    void aStepSeesNothingAfterIt() {
        WindowFeatures features = WindowFeatures.of(List.of(3, 10));
        double[] past = {5, 6, 4, 8, 9, 3, 7};
        double[] future = {5, 6, 4, 8, 100, -50, 1e6};
        double[][] a = features.compute(past);
        double[][] b = features.compute(future);
        for (int t = 0; t < 4; t++) {
            assertThat(b[t]).containsExactly(a[t]);
        }
        assertThat(b[4]).isNotEqualTo(a[4]);
    }
}
