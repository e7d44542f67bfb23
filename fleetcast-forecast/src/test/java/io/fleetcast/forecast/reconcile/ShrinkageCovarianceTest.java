package io.fleetcast.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkageCovarianceTest {
    /**
     * By hand: both columns have root mean square 1; their products w = (1, 1, 1, 1, 1, 1, 1, −1) have mean r = 3/4
     * and squared deviations 7 × (1/4)² + (7/4)² = 7/2, so Var(r) = (7/2) / (7 × 8) = 1/16 and λ = (1/16) / (3/4)² =
     * 1/9; the shrunk covariance keeps 8/9 of r, 2/3.
     */
    @Test
    void shrinksTheCorrelationByTheSchaferStrimmerIntensity() {
        double[][] errors = {{1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1, -1}};

        ShrinkageCovariance shrunk = ShrinkageCovariance.estimate(List.of("a", "b"), errors);

        assertThat(shrunk.lambda()).isCloseTo(1.0 / 9, within(1e-15));
        assertThat(shrunk.covariance()[0]).containsExactly(new double[] {1, 2.0 / 3}, within(1e-15));
        assertThat(shrunk.covariance()[1]).containsExactly(new double[] {2.0 / 3, 1}, within(1e-15));
    }

    @Test
    void keepsTheVariancesAsMeanSquaresWithoutCentring() {
        double[][] errors = {{3, 3, 3, 3}, {1, -1, 1, -1}};

        ShrinkageCovariance shrunk = ShrinkageCovariance.estimate(List.of("a", "b"), errors);

        assertThat(shrunk.covariance()[0][0]).isEqualTo(9);
        assertThat(shrunk.covariance()[1][1]).isEqualTo(1);
        // Uncorrelated: nothing to shrink, λ = 1 by definition.
        assertThat(shrunk.lambda()).isEqualTo(1);
        assertThat(shrunk.covariance()[0][1]).isZero();
    }

    @Test
    void rejectsANodeWithoutError() {
        assertThatThrownBy(() -> ShrinkageCovariance.estimate(List.of("a", "b"), new double[][] {{1, 2}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the in-sample errors of node \"b\" are all zero; its error variance must be positive");
    }
}
