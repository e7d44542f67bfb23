package io.fleetcast.forecast.seasonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassicalDecompositionTest {
    /** Box and Jenkins' monthly airline passengers, 1949-1960 (thousands): R's {@code AirPassengers}. */
    static final double[] AIR_PASSENGERS = {
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
                114,
        140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209,
                191,
        172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293,
                259,
        229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413,
                405,
        355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435,
                491,
        505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472,
                535,
        622, 606, 508, 461, 390, 432
    };

    @Test
    void multiplicativeFigureOfAirPassengersMatchesR() {
        // R 4.x: decompose(AirPassengers, type = "multiplicative")$figure
        double[] expected = {
            0.9102304, 0.8836253, 1.0073663, 0.9759060, 0.9813780, 1.1127758, 1.2265555, 1.2199110, 1.0604919,
            0.9217572, 0.8011781, 0.8988244
        };

        double[] figure =
                ClassicalDecomposition.multiplicative(AIR_PASSENGERS, 12).figure();

        for (int month = 0; month < 12; month++) {
            assertThat(figure[month]).as("month %s", month + 1).isCloseTo(expected[month], within(5e-7));
        }
    }

    @Test
    void movingAverageIsCentredTwoByTwelveForEvenPeriods() {
        double[] trend = ClassicalDecomposition.movingAverage(AIR_PASSENGERS, 12);

        assertThat(trend[5]).isNaN();
        assertThat(trend[143 - 5]).isNaN();
        // R: decompose(AirPassengers)$trend[7] = 126.7917
        assertThat(trend[6]).isCloseTo(126.7917, within(5e-5));
    }

    @Test
    void additiveFigureSumsToZeroAndSeasonsTheForecastIndex() {
        double[] values = new double[36];
        for (int t = 0; t < values.length; t++) {
            values[t] = 10 + t + (t % 3 == 0 ? 3 : -1.5);
        }

        ClassicalDecomposition decomposition = ClassicalDecomposition.additive(values, 3);

        assertThat(decomposition.figure()).containsExactly(new double[] {3, -1.5, -1.5}, within(1e-12));
        assertThat(decomposition.seasonal(36)).isEqualTo(decomposition.seasonal(0));
        assertThat(decomposition.adjust(values)[4]).isCloseTo(14, within(1e-12));
    }

    @Test
    void multiplicativeNeedsPositiveValues() {
        double[] values = AIR_PASSENGERS.clone();
        values[10] = 0;

        assertThatThrownBy(() -> ClassicalDecomposition.multiplicative(values, 12))
                .hasMessageContaining("observation 11 is 0.0");
    }
}
