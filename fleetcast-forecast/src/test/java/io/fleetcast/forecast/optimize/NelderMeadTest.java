package io.fleetcast.forecast.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NelderMeadTest {
    private final NelderMead optimizer = new NelderMead(1e-12, 5000);

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        Minimum minimum = optimizer.minimize(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1},
                new double[] {0.1, 0.1});

        assertThat(minimum.point()).containsExactly(new double[] {1, 1}, within(1e-4));
        assertThat(minimum.value()).isLessThan(1e-8);
    }

    @Test
    void respectsScaleAndInfeasibleRegions() {
        // Minimum at (0.3, 5000) with the first coordinate confined to (0, 1).
        Minimum minimum = optimizer.minimize(
                p -> p[0] <= 0 || p[0] >= 1
                        ? Double.POSITIVE_INFINITY
                        : Math.pow(p[0] - 0.3, 2) + Math.pow((p[1] - 5000) / 1000, 2),
                new double[] {0.9, 100},
                new double[] {0.05, 500});

        assertThat(minimum.point()[0]).isCloseTo(0.3, within(1e-4));
        assertThat(minimum.point()[1]).isCloseTo(5000, within(0.5));
    }
}
