package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ResourcePooling} against closed-form posteriors and known correlations. */
class ResourcePoolingTest {
    private static final double[] OWN = {0.23, 0.37, 0.40};
    private static final double[] VARIANCE = {0.09 * 0.09, 0.065 * 0.065, 0.025 * 0.025};
    private static final double[] TARGET = {0.31, 0.31, 0.31};
    private static final double SPREAD = 0.14 * 0.14;

    @Test
    void unrelatedResourcesArePooledEachOnItsOwn() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

        double[] growth = ResourcePooling.posterior(OWN, VARIANCE, TARGET, SPREAD, identity);

        for (int r = 0; r < 3; r++) {
            double weight = SPREAD / (SPREAD + VARIANCE[r]);
            assertThat(growth[r]).isCloseTo(weight * OWN[r] + (1 - weight) * TARGET[r], within(1e-12));
        }
    }

    /**
     * With resources that deviate as one, the deviation u is shared: each d_r = y_r − t_r is u plus its fit's error,
     * and u's posterior mean is Σ d_r / v_r over 1/τ² + Σ 1/v_r.
     */
    @Test
    void resourcesThatDeviateAsOneShareTheirPrecisionWeightedDeviation() {
        double[][] ones = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        // As one, τ²R is singular; a correlation a hair below 1 keeps it a covariance.
        double[][] almost = {{1, 1 - 1e-9, 1 - 1e-9}, {1 - 1e-9, 1, 1 - 1e-9}, {1 - 1e-9, 1 - 1e-9, 1}};
        double numerator = 0;
        double precision = 1 / SPREAD;
        for (int r = 0; r < 3; r++) {
            numerator += (OWN[r] - TARGET[r]) / VARIANCE[r];
            precision += 1 / VARIANCE[r];
        }
        double shared = numerator / precision;

        for (double[][] correlation : List.of(ones, almost)) {
            double[] growth = ResourcePooling.posterior(OWN, VARIANCE, TARGET, SPREAD, correlation);
            for (int r = 0; r < 3; r++) {
                assertThat(growth[r]).isCloseTo(TARGET[r] + shared, within(1e-6));
            }
        }
        // Seed 23's payments-cache, as these numbers are: cpu alone would say 0.26, with its siblings 0.38 (the
        // simulator grows it 0.40).
        assertThat(TARGET[0] + shared).isCloseTo(0.384, within(0.001));
    }

    @Test
    void theCorrelationIsEachPairsOverThePlacementsThatHaveBoth() {
        Random random = new Random(3);
        List<double[]> deviations = new ArrayList<>();
        double rho = 0.6;
        for (int i = 0; i < 20_000; i++) {
            double shared = random.nextGaussian();
            double a = shared;
            double b = rho * shared + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            // The third resource is unrelated, and missing on every fourth placement.
            double c = i % 4 == 0 ? Double.NaN : 0.5 * random.nextGaussian();
            deviations.add(new double[] {a, b, c});
        }

        double[][] correlation = ResourcePooling.correlation(deviations, 3);

        assertThat(correlation[0][0]).isEqualTo(1);
        assertThat(correlation[0][1]).isCloseTo(rho, within(0.02));
        assertThat(correlation[1][0]).isEqualTo(correlation[0][1]);
        assertThat(correlation[0][2]).isCloseTo(0, within(0.02));
        assertThat(correlation[1][2]).isCloseTo(0, within(0.02));
    }

    @Test
    void tooFewPlacementsShowNoCorrelation() {
        List<double[]> deviations = new ArrayList<>();
        for (int i = 0; i < ResourcePooling.MIN_PAIRS - 1; i++) {
            deviations.add(new double[] {i - 1.5, i - 1.5});
        }

        assertThat(ResourcePooling.correlation(deviations, 2)[0][1]).isZero();

        deviations.add(new double[] {3, 3});
        assertThat(ResourcePooling.correlation(deviations, 2)[0][1]).isCloseTo(1, within(1e-12));
    }
}
