package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import org.junit.jupiter.api.Test;

/** The quantities users quote, with Fisher-matrix bounds by the delta method, on cases with known answers. */
class QuotedQuantitiesTest {
    /** reliability-golden.json's exponential case: 3 failures, 2 suspensions; λ 0.0379747, 95% bounds below. */
    private static final LifeData EXPONENTIAL = LifeData.of(new double[] {17, 5, 12}, new double[] {20, 25});

    @Test
    void anExponentialsHazardIsItsRateWithTheRatesBounds() {
        LifeFit fit = MaximumLikelihood.fit(Family.EXPONENTIAL_1P, EXPONENTIAL, 0.95);

        LifeFit.Bounded hazard = fit.hazard(7);

        // Published (reliability docs): λ = 0.0379747, 95% bounds 0.0122476 to 0.117743 (log-transformed).
        assertThat(hazard.estimate()).isCloseTo(0.0379747, within(1e-6));
        assertThat(hazard.lower()).isCloseTo(0.0122476, within(0.0122476e-3));
        assertThat(hazard.upper()).isCloseTo(0.117743, within(0.117743e-3));
    }

    @Test
    void anExponentialForgetsItsAgeBoundsIncluded() {
        LifeFit fit = MaximumLikelihood.fit(Family.EXPONENTIAL_1P, EXPONENTIAL, 0.90);

        LifeFit.Bounded given = fit.conditionalReliability(10, 30);
        LifeFit.Bounded fresh = fit.reliability(10);

        assertThat(given.estimate()).isCloseTo(Math.exp(-0.0379747 * 10), within(1e-6));
        assertThat(given.lower()).isCloseTo(fresh.lower(), within(1e-9));
        assertThat(given.upper()).isCloseTo(fresh.upper(), within(1e-9));
        assertThat(given.lower()).isLessThan(given.estimate());
        assertThat(given.upper()).isGreaterThan(given.estimate()).isLessThan(1);
    }

    @Test
    void aWeibullsConditionalReliabilityAndHazardHaveBoundsAroundTheGoldenValues() {
        // reliability-golden.json's 30 complete failures: R(20 more | 40) = 0.360148 (R-computed).
        double[] failures = {
            58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66,
            35, 34, 25
        };
        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, LifeData.of(failures, new double[0]), 0.95);

        LifeFit.Bounded conditional = fit.conditionalReliability(20, 40);
        LifeFit.Bounded hazard = fit.hazard(40);

        assertThat(conditional.estimate()).isCloseTo(0.360148, within(0.360148e-3));
        assertThat(conditional.lower()).isBetween(0.2, conditional.estimate());
        assertThat(conditional.upper()).isBetween(conditional.estimate(), 0.55);
        double shape = fit.parameter("shape");
        double scale = fit.parameter("scale");
        assertThat(hazard.estimate()).isCloseTo(shape / scale * Math.pow(40 / scale, shape - 1), within(1e-12));
        // On the log scale the bounds are symmetric in ratio around the estimate.
        assertThat(hazard.upper() / hazard.estimate()).isCloseTo(hazard.estimate() / hazard.lower(), within(1e-9));
    }
}
