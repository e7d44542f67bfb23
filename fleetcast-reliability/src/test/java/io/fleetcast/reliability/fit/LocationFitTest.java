package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fits with a failure-free time (location) by profile likelihood, on samples whose truth is known. */
class LocationFitTest {
    private static LifeData weibull(Random random, int units, double scale, double shape, double location, double end) {
        LifeData.Builder builder = LifeData.builder();
        for (int i = 0; i < units; i++) {
            double life = location + scale * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
            if (life < end) {
                builder.failure(life, 1);
            } else {
                builder.suspension(end, 1);
            }
        }
        return builder.build();
    }

    @Test
    void weibullThreeParameterRecoversALocationInsideItsBounds() {
        LifeData data = weibull(new Random(11), 2000, 100, 2.5, 50, 250);

        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_3P, data, 0.95);
        LifeFit twoParameter = MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.95);

        assertThat(fit.parameter("location")).isCloseTo(50, within(5.0));
        assertThat(fit.lowerBound("location")).isLessThan(50);
        assertThat(fit.upperBound("location")).isGreaterThan(50);
        assertThat(fit.lowerBound("shape")).isLessThan(2.5);
        assertThat(fit.upperBound("shape")).isGreaterThan(2.5);
        assertThat(fit.logLikelihood()).isGreaterThan(twoParameter.logLikelihood() + 10);
        assertThat(fit.distribution().name()).isEqualTo("Weibull_3P");
    }

    @Test
    void lognormalThreeParameterIsAtLeastAsLikelyAsTwo() {
        LifeData data = weibull(new Random(5), 500, 100, 2.5, 50, 250);

        LifeFit three = MaximumLikelihood.fit(Family.LOGNORMAL_3P, data, 0.95);
        LifeFit two = MaximumLikelihood.fit(Family.LOGNORMAL_2P, data, 0.95);

        assertThat(three.logLikelihood()).isGreaterThanOrEqualTo(two.logLikelihood() - 1e-6);
        assertThat(three.parameter("location")).isBetween(0.0, 50.0 + 1e-9);
    }

    /** Data without a failure-free time: the location stays at its bound 0, never negative. */
    @Test
    void theLocationIsNeverNegative() {
        LifeData data = weibull(new Random(3), 300, 100, 0.9, 0, 400);

        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_3P, data, 0.95);

        assertThat(fit.parameter("location")).isGreaterThanOrEqualTo(0);
        assertThat(fit.parameter("location")).isLessThan(data.failures().get(0).lower());
        assertThatThrownBy(() -> MaximumLikelihood.fit(
                        Family.WEIBULL_3P, LifeData.of(new double[] {0, 4, 9, 12}, new double[0]), 0.95))
                .hasMessageContaining("a failure at time 0 leaves no room for a failure-free time");
    }
}
