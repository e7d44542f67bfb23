package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The placed order statistics are exactly those of a full sort. */
class OrderStatisticsTest {
    private static final int[] RANKS = {0, 49, 50, 199, 200, 1799, 1800, 1949, 1950, 1999};

    @Test
    void placesTheSameValuesAsASortOnRandomSamples() {
        SplittableRandom random = new SplittableRandom(7);
        for (int sample = 0; sample < 200; sample++) {
            double[] values = new double[2000];
            for (int i = 0; i < values.length; i++) {
                // Some samples draw from few distinct values, to exercise ties.
                values[i] = sample % 4 == 0 ? 1 + random.nextInt(5) : random.nextDouble(-10, 10);
            }
            assertPlacedAsSorted(values);
        }
    }

    @Test
    void placesTheSameValuesAsASortWithNaNAndSignedZeros() {
        SplittableRandom random = new SplittableRandom(11);
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        values[3] = Double.NaN;
        values[10] = -0.0;
        values[20] = 0.0;
        values[30] = Double.NEGATIVE_INFINITY;
        assertPlacedAsSorted(values);
    }

    private static void assertPlacedAsSorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] placed = values.clone();
        OrderStatistics.place(placed, RANKS);
        for (int rank : RANKS) {
            assertThat(Double.doubleToRawLongBits(placed[rank]))
                    .as("rank %s", rank)
                    .isEqualTo(Double.doubleToRawLongBits(sorted[rank]));
        }
        Arrays.sort(placed);
        assertThat(placed).containsExactly(sorted);
    }
}
