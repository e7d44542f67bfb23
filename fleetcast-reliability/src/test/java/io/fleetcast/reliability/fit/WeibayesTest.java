package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.Weibull;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Weibayes on a case worked by hand, and against the full maximum-likelihood fit at its own shape. */
class WeibayesTest {
    @Test
    void theScaleIsTheRootOfTheMeanExposurePerFailure() {
        // Failures at 100 and 200, running units at 300 (two of them) and 400, one of those first seen at age 50:
        // β = 2: Σ t² = 10,000 + 40,000 + 2 × 90,000 + 160,000 − 2,500 = 387,500; / 2 failures = 193,750; √ = 440.17.
        LifeData data = LifeData.builder()
                .failure(100, 1)
                .failure(200, 1)
                .suspension(300, 2)
                .suspension(400, 1)
                .enteredAt(50, 1)
                .build();
        Weibull fit = Weibayes.fit(data, 2);
        assertThat(fit.shape()).isEqualTo(2);
        assertThat(fit.scale()).isCloseTo(Math.sqrt(193_750), within(1e-9));
        assertThat(fit.location()).isZero();
    }

    @Test
    void atTheMaximumLikelihoodShapeItGivesTheMaximumLikelihoodScale() {
        // 300 units from a Weibull(1,000 days, 1.8), observed for 800 days.
        LifeData data = weibull(new SplittableRandom(7), 300, 1000, 1.8, 800);
        Weibull mle =
                (Weibull) MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.95).distribution();

        assertThat(Weibayes.fit(data, mle.shape()).scale()).isCloseTo(mle.scale(), within(1e-4 * mle.scale()));
    }

    @Test
    void aPriorWeighsInAsFailuresInAnExposure() {
        // One failure at 100 among ten units at 100: S = 10 × 100² = 100,000 at β = 2, so alone η = √100,000 = 316.2.
        // A prior of 2 failures in 8,000,000 (η = 2,000 for items like these): η = √(8,100,000 / 3) = 1,643.2.
        LifeData data = LifeData.builder().failure(100, 1).suspension(100, 9).build();
        assertThat(Weibayes.exposure(data, 2)).isCloseTo(100_000, within(1e-6));
        assertThat(Weibayes.fit(data, 2).scale()).isCloseTo(Math.sqrt(100_000), within(1e-9));
        assertThat(Weibayes.fit(data, 2, 2, 8_000_000).scale()).isCloseTo(Math.sqrt(8_100_000 / 3.0), within(1e-9));
        // The prior alone, for data without a failure.
        assertThat(Weibayes.fit(LifeData.builder().suspension(100, 10).build(), 2, 2, 8_000_000)
                        .scale())
                .isCloseTo(Math.sqrt(8_100_000 / 2.0), within(1e-9));
    }

    @Test
    void oneGroupsCommonShapeIsItsMaximumLikelihoodShape() {
        LifeData data = weibull(new SplittableRandom(3), 200, 1000, 1.8, 800);
        Weibull mle =
                (Weibull) MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.95).distribution();

        assertThat(Weibayes.commonShape(List.of(data))).isCloseTo(mle.shape(), within(1e-6 * mle.shape()));
    }

    @Test
    void groupsWithTheirOwnScalesShareTheirShape() {
        // Twelve SKUs of one shape, 1.8, with scales from 4,000 to 7,300 days: 150 servers each, watched for 200 to
        // 2,400 days, so the young ones have a few failures and the old ones dozens. Taken as one sample, their mixed
        // scales read as a lower shape (1.61 on average in a Python run of the same design).
        SplittableRandom random = new SplittableRandom(11);
        double common = 0;
        double pooled = 0;
        int runs = 40;
        for (int run = 0; run < runs; run++) {
            List<LifeData> groups = new ArrayList<>();
            for (int j = 0; j < 12; j++) {
                groups.add(weibull(random, 150, 4000 + 300 * j, 1.8, 200 + 200 * j));
            }
            LifeData all = groups.stream().reduce(LifeData::combine).orElseThrow();
            common += Weibayes.commonShape(groups) / runs;
            pooled += ((Weibull) MaximumLikelihood.fit(Family.WEIBULL_2P, all, 0.95)
                                    .distribution())
                            .shape()
                    / runs;
        }

        assertThat(common).isCloseTo(1.8, within(0.08));
        assertThat(Math.abs(pooled - 1.8)).isGreaterThan(2 * Math.abs(common - 1.8));
        assertThatThrownBy(() -> Weibayes.commonShape(List.of(
                        LifeData.builder().failure(100, 2).suspension(300, 5).build())))
                .hasMessageContaining("two or more different ages");
    }

    /** {@code units} lives from a Weibull of {@code scale} and {@code shape}, watched for {@code watched} days. */
    private static LifeData weibull(SplittableRandom random, int units, double scale, double shape, double watched) {
        LifeData.Builder builder = LifeData.builder();
        for (int i = 0; i < units; i++) {
            double life = scale * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
            if (life < watched) {
                builder.failure(life, 1);
            } else {
                builder.suspension(watched, 1);
            }
        }
        return builder.build();
    }

    @Test
    void dataItCannotTakeAreRefused() {
        assertThatThrownBy(
                        () -> Weibayes.fit(LifeData.builder().suspension(10, 3).build(), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one failure");
        assertThatThrownBy(() ->
                        Weibayes.fit(LifeData.builder().failedBetween(5, 10, 1).build(), 2))
                .hasMessageContaining("exact failures and running units only");
        assertThatThrownBy(() -> Weibayes.fit(LifeData.builder().failure(5, 1).build(), 0))
                .hasMessageContaining("positive and finite");
    }
}
