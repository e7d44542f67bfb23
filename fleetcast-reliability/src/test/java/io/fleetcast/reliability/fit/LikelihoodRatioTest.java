package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LikelihoodRatioTest {
    /** Exponential fits have ln L = r ln(r/T) − r at the MLE (r failures, T total time): the statistic in closed form. */
    @Test
    void exponentialStatisticMatchesTheClosedForm() {
        LifeData first = LifeData.of(new double[] {5, 12, 17, 30}, new double[] {40, 40});
        LifeData second = LifeData.of(new double[] {50, 75, 120}, new double[] {150, 150, 150});
        double r1 = 4;
        double t1 = 5 + 12 + 17 + 30 + 80;
        double r2 = 3;
        double t2 = 50 + 75 + 120 + 450;
        double expected = 2
                * (r1 * Math.log(r1 / t1)
                        - r1
                        + r2 * Math.log(r2 / t2)
                        - r2
                        - ((r1 + r2) * Math.log((r1 + r2) / (t1 + t2)) - (r1 + r2)));

        LikelihoodRatio test = LikelihoodRatio.test(Family.EXPONENTIAL_1P, first, second, 0.95);

        assertThat(test.statistic()).isCloseTo(expected, within(1e-6));
        assertThat(test.degreesOfFreedom()).isEqualTo(1);
        // χ² with 1 degree of freedom: P(X > x) = erfc(√(x/2)).
        assertThat(test.pValue()).isCloseTo(org.hipparchus.special.Erf.erfc(Math.sqrt(expected / 2)), within(1e-9));
    }

    @Test
    void tellsDifferentWeibullPopulationsApartButNotEqualOnes() {
        Random random = new Random(7);
        LifeData a = sample(random, 100, 2);
        LifeData b = sample(random, 100, 2);
        LifeData c = sample(random, 60, 2);

        assertThat(LikelihoodRatio.test(Family.WEIBULL_2P, a, b, 0.95).pValue()).isGreaterThan(0.05);
        assertThat(LikelihoodRatio.test(Family.WEIBULL_2P, a, c, 0.95).pValue()).isLessThan(1e-6);
    }

    /** 200 units from Weibull(scale, shape), suspended at 120 if still working. */
    private static LifeData sample(Random random, double scale, double shape) {
        LifeData.Builder builder = LifeData.builder();
        for (int i = 0; i < 200; i++) {
            double life = scale * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
            if (life < 120) {
                builder.failure(life, 1);
            } else {
                builder.suspension(120, 1);
            }
        }
        return builder.build();
    }
}
