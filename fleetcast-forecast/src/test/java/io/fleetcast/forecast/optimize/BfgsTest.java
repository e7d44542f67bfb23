package io.fleetcast.forecast.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsTest {
    private final Bfgs optimizer = new Bfgs(1e-12, 500, 1e-4);

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        Minimum minimum = optimizer.minimize(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1},
                new double[] {1, 1});

        assertThat(minimum.point()).containsExactly(new double[] {1, 1}, within(1e-3));
        assertThat(minimum.isConverged()).isTrue();
    }

    @Test
    void scalesLetParametersOfDifferentMagnitudesMove() {
        // Minimum at (0.3, 5000); the second coordinate is in the thousands.
        Minimum minimum = optimizer.minimize(
                p -> Math.pow(p[0] - 0.3, 2) + Math.pow((p[1] - 5000) / 1000, 2),
                new double[] {0.9, 100},
                new double[] {1, 1000});

        assertThat(minimum.point()[0]).isCloseTo(0.3, within(1e-5));
        assertThat(minimum.point()[1]).isCloseTo(5000, within(0.01));
    }

    @Test
    void backsAwayFromPointsWhereTheFunctionIsUndefined() {
        Minimum minimum = optimizer.minimize(
                p -> p[0] <= 0 ? Double.POSITIVE_INFINITY : p[0] - Math.log(p[0]), new double[] {3}, new double[] {1});

        assertThat(minimum.point()[0]).isCloseTo(1, within(1e-4));
    }

    @Test
    void reportsAnUndefinedStart() {
        Minimum minimum = optimizer.minimize(p -> Double.NaN, new double[] {1}, new double[] {1});

        assertThat(minimum.isConverged()).isFalse();
    }

    @Test
    void hessianOfAQuadraticIsItsMatrix() {
        double[][] hessian = FiniteDifferences.hessian(
                p -> 3 * p[0] * p[0] + 2 * p[0] * p[1] + 5 * p[1] * p[1],
                new double[] {0.4, -1.3},
                new double[] {1e-3, 1e-3});

        assertThat(hessian[0]).containsExactly(new double[] {6, 2}, within(1e-6));
        assertThat(hessian[1]).containsExactly(new double[] {2, 10}, within(1e-6));
    }

    @Test
    void hessianOfTheGradientOfAQuadraticIsItsMatrix() {
        double[][] hessian = FiniteDifferences.hessianOfGradient(
                p -> 3 * p[0] * p[0] + 2 * p[0] * p[1] + 5 * p[1] * p[1],
                new double[] {0.4, -1.3},
                new double[] {1e-3, 1e-2},
                new double[] {1e-3, 1e-3});

        assertThat(hessian[0]).containsExactly(new double[] {6, 2}, within(1e-6));
        assertThat(hessian[1]).containsExactly(new double[] {2, 10}, within(1e-6));
    }
}
