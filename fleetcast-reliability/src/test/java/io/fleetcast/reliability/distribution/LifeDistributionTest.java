package io.fleetcast.reliability.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each distribution's functions agree with each other and with their definitions: F is the integral of f, R = 1 − F,
 * h = f / R, H = −ln R, the quantile inverts F, the mean is the integral of R (over the real line for those that reach
 * below 0) and the variance is E[T²] − E[T]²; and known values from the formulas.
 */
class LifeDistributionTest {
    static List<LifeDistribution> distributions() {
        return List.of(
                Weibull.of(100, 1.7),
                new Weibull(50, 0.8, 10),
                new Exponential(0.02, 0),
                new Exponential(0.5, 3),
                new Lognormal(3.6, 0.7, 0),
                new Lognormal(1, 0.4, 5),
                new Normal(45, 24),
                new GammaLife(2.76, 16.5),
                new Loglogistic(40.7, 2.72),
                new Gumbel(58.3, 25.7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void functionsAgreeWithEachOther(LifeDistribution d) {
        for (double p : new double[] {0.01, 0.1, 0.3, 0.5, 0.8, 0.95}) {
            double t = d.quantile(p);
            assertThat(d.cdf(t)).as("F(quantile(%s))", p).isCloseTo(p, within(1e-9));
            assertThat(d.sf(t)).isCloseTo(1 - p, within(1e-9));
            assertThat(d.logSf(t)).isCloseTo(Math.log(1 - p), within(1e-9));
            assertThat(d.logCdf(t)).isCloseTo(Math.log(p), within(1e-9));
            assertThat(d.cumulativeHazard(t)).isCloseTo(-Math.log(1 - p), within(1e-9));
            assertThat(d.hazard(t)).isCloseTo(d.pdf(t) / (1 - p), within(1e-9 * (1 + d.hazard(t))));
            double h = 1e-5 * Math.max(1, Math.abs(t));
            double slope = (d.cdf(t + h) - d.cdf(t - h)) / (2 * h);
            assertThat(d.pdf(t)).as("f = F' at %s", t).isCloseTo(slope, within(1e-6 * (1 + d.pdf(t))));
            assertThat(d.logPdf(t)).isCloseTo(Math.log(d.pdf(t)), within(1e-9));
        }
    }

    /** Light enough tails and a bounded density, for a plain midpoint rule over the 1e-12 to 1 − 1e-12 quantiles. */
    static List<LifeDistribution> integrable() {
        return List.of(
                Weibull.of(100, 1.7),
                new Weibull(50, 1.3, 10),
                new Exponential(0.5, 3),
                new Lognormal(1, 0.4, 5),
                new Normal(45, 24),
                new GammaLife(2.76, 16.5),
                new Loglogistic(40.7, 6),
                new Gumbel(58.3, 25.7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrable")
    void meanAndVarianceAreTheMomentsOfTheDensity(LifeDistribution d) {
        double from = d.quantile(1e-12);
        double to = d.quantile(1 - 1e-12);
        int steps = 200_000;
        double width = (to - from) / steps;
        double first = 0;
        double second = 0;
        for (int i = 0; i < steps; i++) {
            double t = from + (i + 0.5) * width;
            double f = d.pdf(t) * width;
            first += t * f;
            second += t * t * f;
        }
        assertThat(d.mean()).isCloseTo(first, within(1e-5 * Math.abs(first) + 1e-6));
        assertThat(d.variance()).isCloseTo(second - first * first, within(1e-4 * (second - first * first)));
    }

    @Test
    void knownValues() {
        // Weibull: R(t) = exp(−(t/η)^β); B10 = η (−ln 0.9)^(1/β); mean η Γ(1 + 1/β).
        Weibull weibull = Weibull.of(100, 2);
        assertThat(weibull.sf(100)).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(weibull.quantile(0.1)).isCloseTo(100 * Math.sqrt(-Math.log(0.9)), within(1e-12));
        assertThat(weibull.mean()).isCloseTo(100 * Math.sqrt(Math.PI) / 2, within(1e-10));
        assertThat(weibull.hazard(50)).isCloseTo(2 * 50 / (100.0 * 100), within(1e-15));
        // Exponential: memoryless.
        Exponential exponential = new Exponential(0.01, 0);
        assertThat(exponential.conditionalReliability(30, 500)).isCloseTo(exponential.sf(30), within(1e-15));
        // Lognormal median e^μ; far tail of ln R stays finite where R underflows.
        Lognormal lognormal = new Lognormal(2, 0.5, 0);
        assertThat(lognormal.quantile(0.5)).isCloseTo(Math.exp(2), within(1e-12));
        assertThat(lognormal.logSf(Math.exp(2 + 0.5 * 40))).isFinite().isLessThan(-790);
        // Log-logistic median α; Gumbel median μ + σ ln ln 2.
        assertThat(new Loglogistic(40, 3).quantile(0.5)).isCloseTo(40, within(1e-12));
        assertThat(new Gumbel(10, 2).quantile(0.5)).isCloseTo(10 + 2 * Math.log(Math.log(2)), within(1e-12));
        // Gamma with shape 1 is exponential.
        assertThat(new GammaLife(1, 50).sf(20)).isCloseTo(Math.exp(-0.4), within(1e-14));
    }

    @Test
    void refusesParametersOutsideTheirRange() {
        assertThatThrownBy(() -> Weibull.of(0, 1)).hasMessageContaining("the Weibull scale must be above 0");
        assertThatThrownBy(() -> new Lognormal(1, -1, 0)).hasMessageContaining("sigma must be above 0");
        assertThatThrownBy(() -> Weibull.of(1, 1).quantile(1)).hasMessageContaining("between 0 and 1");
    }
}
