package io.fleetcast.forecast.seasonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalityTestTest {
    @Test
    void findsTheYearlyCycleOfAirPassengers() {
        assertThat(SeasonalityTest.isSeasonal(ClassicalDecompositionTest.AIR_PASSENGERS, 12))
                .isTrue();
    }

    @Test
    void whiteNoiseIsNotSeasonal() {
        Random random = new Random(7);
        double[] noise = new double[500];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = 100 + random.nextGaussian();
        }

        assertThat(SeasonalityTest.isSeasonal(noise, 24)).isFalse();
    }

    @Test
    void shortAndConstantSeriesAreNotSeasonal() {
        assertThat(SeasonalityTest.isSeasonal(new double[35], 12)).isFalse();
        double[] constant = new double[100];
        Arrays.fill(constant, 5);
        assertThat(SeasonalityTest.isSeasonal(constant, 12)).isFalse();
    }

    @Test
    void autocorrelationMatchesTheDefinition() {
        // x = 1..5: mean 3, deviations -2..2, sum of squares 10; lag 1: (-2*-1 + -1*0 + 0*1 + 1*2) / 10 = 0.4
        double[] correlations = Autocorrelation.of(new double[] {1, 2, 3, 4, 5}, 2);

        assertThat(correlations[0]).isEqualTo(0.4);
        assertThat(correlations[1]).isCloseTo(-0.1, within(1e-15));
    }
}
