package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolynomialsTest {
    @Test
    void multipliesRegularAndSeasonalFactors() {
        // (1 - 0.5B)(1 - 0.3B^4) = 1 - 0.5B - 0.3B^4 + 0.15B^5
        assertThat(Polynomials.multiplyAutoregressive(new double[] {0.5}, new double[] {0.3}, 4))
                .containsExactly(new double[] {0.5, 0, 0, 0.3, -0.15}, within(1e-15));
        // (1 + 0.4B)(1 + 0.6B^2) = 1 + 0.4B + 0.6B^2 + 0.24B^3
        assertThat(Polynomials.multiplyMovingAverage(new double[] {0.4}, new double[] {0.6}, 2))
                .containsExactly(new double[] {0.4, 0.6, 0.24}, within(1e-15));
    }

    @Test
    void differencingOperatorRebuildsTheSeries() {
        // (1 - B)(1 - B^4) = 1 - B - B^4 + B^5: x_t = w_t + x_(t-1) + x_(t-4) - x_(t-5)
        assertThat(Polynomials.differencing(1, 1, 4)).containsExactly(1, 0, 0, 1, -1);
        assertThat(Polynomials.differencing(2, 0, 1)).containsExactly(2, -1);
    }

    @Test
    void findsRootsInsideAndOutsideTheCircle() {
        assertThat(Polynomials.hasRootsOutside(new double[] {0.5}, 1)).isTrue(); // root 2
        assertThat(Polynomials.hasRootsOutside(new double[] {1.2}, 1)).isFalse(); // root 0.83
        assertThat(Polynomials.hasRootsOutside(new double[] {0.995}, 1.01)).isFalse(); // root 1.005
        // 1 - 1.5z + 0.56z^2 = (1 - 0.7z)(1 - 0.8z): roots 1.43 and 1.25
        assertThat(Polynomials.hasRootsOutside(new double[] {1.5, -0.56}, 1)).isTrue();
        assertThat(Polynomials.hasRootsOutside(new double[] {1.5, -0.56}, 1.3)).isFalse();
        assertThat(Polynomials.isInvertible(new double[] {-0.5}, 1)).isTrue();
        assertThat(Polynomials.isInvertible(new double[] {2}, 1)).isFalse();
    }

    @Test
    void partialAutocorrelationsRoundTrip() {
        double[] ar = {0.6, 0.2, -0.3};
        double[] partial = new double[3];
        Polynomials.autoregressiveToPartial(ar, 0, 3, partial);
        double[] back = new double[3];
        Polynomials.partialToAutoregressive(partial, 0, 3, back, new double[4]);

        assertThat(back).containsExactly(ar, within(1e-12));
    }

    @Test
    void anyRealVectorIsAStationaryModel() {
        double[] raw = {5, -7, 3, 9};
        double[] ar = new double[4];
        Polynomials.partialToAutoregressive(raw, 0, 4, ar, new double[5]);

        assertThat(Polynomials.hasRootsOutside(ar, 1)).isTrue();
    }

    @Test
    void reflectsMovingAverageRootsIntoInvertibility() {
        assertThat(Polynomials.invertMovingAverage(new double[] {2})).containsExactly(0.5);
        // 1 + 2.5B + B^2 = (1 + 2B)(1 + 0.5B); reflected: (1 + 0.5B)(1 + 0.5B) = 1 + B + 0.25B^2
        assertThat(Polynomials.invertMovingAverage(new double[] {2.5, 1}))
                .containsExactly(new double[] {1, 0.25}, within(1e-10));
        // complex pair inside the circle: 1 + 0.5B + 4B^2 has roots of modulus 0.5
        double[] inverted = Polynomials.invertMovingAverage(new double[] {0.5, 4});
        assertThat(inverted).containsExactly(new double[] {0.125, 0.25}, within(1e-10));
        double[] invertible = {0.3, -0.2};
        assertThat(Polynomials.invertMovingAverage(invertible)).isSameAs(invertible);
    }
}
