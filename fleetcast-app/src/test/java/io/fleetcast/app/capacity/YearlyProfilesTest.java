package io.fleetcast.app.capacity;

import static io.fleetcast.app.capacity.ExactCluster.DATA_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.unit.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link YearlyProfiles#swingSd} against swings of known size. */
class YearlyProfilesTest {
    @Test
    void theSwingsSpreadIsTheRootOfHalfTheMeanSquaredAmplitude() {
        // Four services swing 1%, 3%, 5% and 7% (log scale) around a 30% a year growth, peaking on different days, over
        // three years: the standard deviation of a first-harmonic coefficient is sqrt(mean(A²) / 2) = 0.0316.
        double[] amplitudes = {0.01, 0.03, 0.05, 0.07};
        List<ClusterDemandForecaster.History> histories = new ArrayList<>();
        double squares = 0;
        for (int k = 0; k < amplitudes.length; k++) {
            double[] used = new double[1095];
            for (int t = 0; t < used.length; t++) {
                double dayOfYear = DATA_FIRST.plusDays(t).getDayOfYear();
                used[t] = 100
                        * Math.exp(0.3 * t / 365.25
                                + amplitudes[k] * Math.cos(2 * Math.PI * (dayOfYear - 90 * k) / 365.25));
            }
            histories.add(new ClusterDemandForecaster.History("s" + k, "c1", Resource.CPU, DATA_FIRST, used));
            squares += amplitudes[k] * amplitudes[k];
        }
        double expected = Math.sqrt(squares / amplitudes.length / 2);

        // The profile's 31-day smoothing takes 1.2% off a yearly harmonic.
        assertThat(YearlyProfiles.of(histories).swingSd()).isCloseTo(expected, within(0.03 * expected));
        assertThat(YearlyProfiles.NONE.swingSd()).isNaN();
    }
}
