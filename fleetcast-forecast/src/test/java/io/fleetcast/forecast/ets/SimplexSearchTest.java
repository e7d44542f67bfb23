package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.forecast.optimize.Minimum;
import io.fleetcast.forecast.optimize.NelderMead;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The search driven from outside must walk exactly the plain Nelder-Mead's path: same point, value and evaluations. */
class SimplexSearchTest {
    @Test
    void followsThePlainSearchDownRosenbrocksValley() {
        assertSamePath(SimplexSearchTest::rosenbrock, new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 1e-12, 5000);
    }

    @Test
    void followsThePlainSearchAroundInfeasibleRegions() {
        ToDoubleFunction<double[]> confined = p -> p[0] <= 0 || p[0] >= 1
                ? Double.POSITIVE_INFINITY
                : Math.pow(p[0] - 0.3, 2) + Math.pow((p[1] - 5000) / 1000, 2);
        assertSamePath(confined, new double[] {0.9, 100}, new double[] {0.05, 500}, 1e-12, 5000);
    }

    @Test
    void followsThePlainSearchThroughShrinks() {
        // Rastrigin's function in three dimensions: from this start, contractions fail twice and the simplex shrinks
        // (three vertices to evaluate: one pair and one alone).
        ToDoubleFunction<double[]> rastrigin = p -> {
            double sum = 10.0 * p.length;
            for (double x : p) {
                sum += x * x - 10 * Math.cos(2 * Math.PI * x);
            }
            return sum;
        };
        assertSamePath(rastrigin, new double[] {2.3, -1.7, 0.6}, new double[] {0.8, 0.8, 0.8}, 1e-12, 4000);
    }

    @Test
    void stopsAfterAsManyEvaluationsAsThePlainSearch() {
        assertSamePath(SimplexSearchTest::rosenbrock, new double[] {-1.2, 1}, new double[] {0.1, 0.1}, 1e-12, 37);
    }

    private static double rosenbrock(double[] p) {
        return 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2);
    }

    private static void assertSamePath(
            ToDoubleFunction<double[]> function, double[] start, double[] steps, double tolerance, int evaluations) {
        Minimum plain = new NelderMead(tolerance, evaluations).minimize(function, start, steps);
        SimplexSearch search = new SimplexSearch(tolerance, evaluations, start, steps);
        while (!search.isDone()) {
            search.accept(function.applyAsDouble(search.point()));
        }

        assertThat(search.best()).containsExactly(plain.point());
        assertThat(search.bestValue()).isEqualTo(plain.value());
        assertThat(search.evaluations()).isEqualTo(plain.evaluations());
    }
}
