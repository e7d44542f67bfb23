package io.fleetcast.forecast.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void smapeIsTwoHundredTimesTheMeanRelativeError() {
        // |100-110|/210 = 0.047619..., |50-40|/90 = 0.111...; 200/2 * sum = 15.8730...
        assertThat(Accuracy.smape(new double[] {100, 50}, new double[] {110, 40}))
                .isCloseTo(100 * (10.0 / 210 + 10.0 / 90), within(1e-12));
        assertThat(Accuracy.smape(new double[] {0, 5}, new double[] {0, 5})).isZero();
    }

    @Test
    void maseScalesByTheInSampleSeasonalNaiveError() {
        double[] history = {1, 2, 3, 5, 6, 7};
        // lag 3 differences: 5-1, 6-2, 7-3 -> mean 4; forecast errors 2 and 6 -> mean 4; MASE 1
        assertThat(Accuracy.mase(history, new double[] {10, 10}, new double[] {8, 16}, 3))
                .isEqualTo(1.0);
        // lag 1 differences: 1, 1, 2, 1, 1 -> mean 1.2
        assertThat(Accuracy.mase(history, new double[] {10, 10}, new double[] {8, 16}, 1))
                .isCloseTo(4 / 1.2, within(1e-12));
    }

    @Test
    void maseOfAFlatHistoryIsUndefined() {
        assertThatThrownBy(() -> Accuracy.mase(new double[] {3, 3, 3}, new double[] {1}, new double[] {2}, 1))
                .hasMessageContaining("lag-1 differences are all zero");
    }

    @Test
    void coverageCountsValuesInsideTheirIntervalBoundsIncluded() {
        assertThat(Accuracy.coverage(
                        new double[] {1, 5, 10, 3}, new double[] {0, 5, 11, 4}, new double[] {2, 6, 12, 5}))
                .isEqualTo(0.5);
    }

    @Test
    void owaAveragesTheRelativeErrors() {
        assertThat(Accuracy.owa(10, 2, 20, 2)).isEqualTo(0.75);
    }
}
