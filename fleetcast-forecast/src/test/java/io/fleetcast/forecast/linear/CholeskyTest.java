package io.fleetcast.forecast.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
    @Test
    void solvesAPositiveDefiniteSystem() {
        // A = [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]; A x = (8, 7) has x = (1.25, 1.5).
        double[][] x = Cholesky.decompose(new double[][] {{4, 2}, {2, 3}})
                .orElseThrow()
                .solve(new double[][] {{8}, {7}});

        assertThat(x[0][0]).isCloseTo(1.25, within(1e-15));
        assertThat(x[1][0]).isCloseTo(1.5, within(1e-15));
    }

    @Test
    void refusesASingularMatrix() {
        assertThat(Cholesky.decompose(new double[][] {{1, 1}, {1, 1}})).isEmpty();
        assertThat(Cholesky.decompose(new double[][] {{1, 0}, {0, 0}})).isEmpty();
        assertThat(Cholesky.decompose(new double[][] {{1, 0}, {0, -1}})).isEmpty();
    }

    /** Rows 20 orders of magnitude apart (a total in cores and a tiny series) are still positive definite. */
    @Test
    void acceptsABadlyScaledPositiveDefiniteMatrix() {
        double big = 1e12;
        double small = 1e-8;
        double covariance = 0.5 * Math.sqrt(big * small);

        double[][] x = Cholesky.decompose(new double[][] {{big, covariance}, {covariance, small}})
                .orElseThrow()
                .solve(new double[][] {{big + covariance}, {covariance + small}});

        assertThat(x[0][0]).isCloseTo(1, within(1e-9));
        assertThat(x[1][0]).isCloseTo(1, within(1e-6));
    }
}
