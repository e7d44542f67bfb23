package io.fleetcast.reliability.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mixture and competing-risks distributions pass {@link LifeDistributionTest}'s consistency checks and reduce to a
 * single Weibull where they must: a mixture of two equal subpopulations is that Weibull, and two modes of equal shape
 * β in series are a Weibull of scale (η₁^−β + η₂^−β)^(−1/β).
 */
class TwoWeibullDistributionTest {
    private final LifeDistributionTest checks = new LifeDistributionTest();

    static List<LifeDistribution> distributions() {
        return List.of(
                new WeibullMixture(44.05, 2.2166, 94.63, 17.69, 0.88),
                new WeibullMixture(10, 0.7, 100, 3, 0.2),
                new WeibullCompetingRisks(52.29, 1.786, 98.29, 27.14),
                new WeibullCompetingRisks(200, 0.6, 80, 4));
    }

    static List<LifeDistribution> integrable() {
        return List.of(
                new WeibullMixture(44.05, 2.2166, 94.63, 17.69, 0.88),
                new WeibullMixture(30, 1.5, 100, 3, 0.4),
                new WeibullCompetingRisks(52.29, 1.786, 98.29, 27.14),
                new WeibullCompetingRisks(200, 1.2, 80, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void functionsAgreeWithEachOther(LifeDistribution d) {
        checks.functionsAgreeWithEachOther(d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrable")
    void meanAndVarianceAreTheMomentsOfTheDensity(LifeDistribution d) {
        checks.meanAndVarianceAreTheMomentsOfTheDensity(d);
    }

    @Test
    void aMixtureOfEqualSubpopulationsIsThatWeibull() {
        Weibull weibull = Weibull.of(100, 2);
        WeibullMixture mixture = new WeibullMixture(100, 2, 100, 2, 0.3);
        for (double t : new double[] {1, 30, 100, 250}) {
            assertThat(mixture.sf(t)).isCloseTo(weibull.sf(t), within(1e-15));
            assertThat(mixture.logPdf(t)).isCloseTo(weibull.logPdf(t), within(1e-12));
        }
        assertThat(mixture.quantile(0.1)).isCloseTo(weibull.quantile(0.1), within(1e-9));
        assertThat(mixture.mean()).isCloseTo(weibull.mean(), within(1e-10));
        assertThat(mixture.variance()).isCloseTo(weibull.variance(), within(1e-8));
    }

    @Test
    void twoModesOfEqualShapeAreOneWeibull() {
        double shape = 1.7;
        double scale = Math.pow(Math.pow(120, -shape) + Math.pow(300, -shape), -1 / shape);
        Weibull weibull = Weibull.of(scale, shape);
        WeibullCompetingRisks risks = new WeibullCompetingRisks(300, shape, 120, shape);
        for (double t : new double[] {1, 30, 100, 250}) {
            assertThat(risks.sf(t)).isCloseTo(weibull.sf(t), within(1e-14));
            assertThat(risks.hazard(t)).isCloseTo(weibull.hazard(t), within(1e-14));
        }
        assertThat(risks.quantile(0.5)).isCloseTo(weibull.quantile(0.5), within(1e-9));
        // Numerical integration against the closed forms.
        assertThat(risks.mean()).isCloseTo(weibull.mean(), within(1e-10 * weibull.mean()));
        assertThat(risks.variance()).isCloseTo(weibull.variance(), within(1e-9 * weibull.variance()));
        assertThat(new WeibullCompetingRisks(10, 0.5, 1e6, 0.5).mean())
                .isCloseTo(
                        Weibull.of(Math.pow(Math.pow(10, -0.5) + Math.pow(1e6, -0.5), -2), 0.5)
                                .mean(),
                        within(1e-8));
    }

    @Test
    void tailsStayAccurateWhereTheReliabilityUnderflows() {
        WeibullMixture mixture = new WeibullMixture(44.05, 2.2166, 94.63, 17.69, 0.88);
        double t = 5_000;
        assertThat(mixture.sf(t)).isZero();
        assertThat(mixture.logSf(t)).isCloseTo(Math.log(0.88) - Math.pow(t / 44.05, 2.2166), within(1e-6));
        WeibullCompetingRisks risks = new WeibullCompetingRisks(52.29, 1.786, 98.29, 27.14);
        assertThat(risks.logSf(t)).isFinite().isLessThan(-1e40);
        assertThat(risks.logCdf(1e-3)).isCloseTo(1.786 * Math.log(1e-3 / 52.29), within(1e-3));
    }

    @Test
    void orderedPutsTheSmallerScaleFirstAndDescribesTheSameLife() {
        WeibullMixture mixture = new WeibullMixture(90, 4, 30, 1.5, 0.25);
        WeibullMixture ordered = mixture.ordered();
        assertThat(ordered.scale1()).isEqualTo(30);
        assertThat(ordered.p1()).isEqualTo(0.75);
        assertThat(ordered.sf(50)).isCloseTo(mixture.sf(50), within(1e-15));
        WeibullCompetingRisks risks = new WeibullCompetingRisks(90, 4, 30, 1.5);
        assertThat(risks.ordered().parameters())
                .containsExactly(
                        java.util.Map.entry("scale1", 30.0),
                        java.util.Map.entry("shape1", 1.5),
                        java.util.Map.entry("scale2", 90.0),
                        java.util.Map.entry("shape2", 4.0));
    }

    @Test
    void refusesParametersOutsideTheirRange() {
        assertThatThrownBy(() -> new WeibullMixture(10, 1, 20, 2, 1))
                .hasMessageContaining("p1 must be between 0 and 1, got 1.0");
        assertThatThrownBy(() -> new WeibullCompetingRisks(10, 1, 20, 0))
                .hasMessageContaining("the second Weibull shape must be above 0");
    }
}
